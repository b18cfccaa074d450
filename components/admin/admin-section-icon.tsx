import { Activity, ArchiveRestore, BookOpen, CalendarDays, Grid3x3, History, KeyRound, type LucideIcon, Mail, MessageSquareText, TriangleAlert, Users, UsersRound, Webhook } from "lucide-react";
import type { AdminSectionIcon as IconName } from "./admin-sections";

const ICONS: Record<IconName, LucideIcon> = {
  people: Users,
  groups: UsersRound,
  matrix: Grid3x3,
  calendar: CalendarDays,
  kb: BookOpen,
  macros: MessageSquareText,
  audit: History,
  outbox: Mail,
  tokens: KeyRound,
  integrations: Activity,
  webhooks: Webhook,
  backups: ArchiveRestore,
  demo: TriangleAlert,
};

export function AdminSectionIcon({ name, className = "size-4" }: { name: IconName; className?: string }) {
  const Icon = ICONS[name];
  return <Icon aria-hidden="true" className={className} />;
}
