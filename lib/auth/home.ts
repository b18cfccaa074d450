import type { Role } from "@/lib/db/generated/enums";

/** Where each role lands after signing in: customers on the portal, agents on their queue, managers on the dashboard, admins on the admin pages. */
export function homePathFor(role: Role): string {
  switch (role) {
    case "CUSTOMER":
      return "/portal";
    case "AGENT":
      return "/queue";
    case "MANAGER":
      return "/dashboard";
    case "ADMIN":
      return "/admin";
  }
}
