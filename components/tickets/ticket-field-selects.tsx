import type { CategoryOption } from "@/lib/catalog/list-categories";
import { IMPACT_CUSTOMER_LABEL, URGENCY_CUSTOMER_LABEL } from "@/lib/routing/labels";
import { INPUT_CLASS } from "@/components/ui/field";

// The selects a new ticket asks for, shared by the portal's form and the staff form that logs a contact.
// Each is keyed by the value it must show: a <select> reads defaultValue only when it mounts, so a refused
// submission keeps the choice instead of falling back to the first option.

interface SelectProps {
  value: string | undefined;
  describedBy: string | undefined;
  invalid: boolean;
}

export function CategorySelect({ categories, value, describedBy, invalid }: SelectProps & { categories: CategoryOption[] }) {
  return (
    <select key={value ?? ""} id="category" name="category" defaultValue={value ?? ""} required className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid}>
      <option value="">Choose a category…</option>
      {categories.map((c) => (
        <option key={c.slug} value={c.slug}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

const LEVEL_LABELS = { impact: IMPACT_CUSTOMER_LABEL, urgency: URGENCY_CUSTOMER_LABEL };

/** Impact or urgency in the customer's words; empty means the category's default. */
export function LevelSelect({ name, emptyLabel, value, describedBy, invalid }: SelectProps & { name: "impact" | "urgency"; emptyLabel: string }) {
  return (
    <select key={value ?? ""} id={name} name={name} defaultValue={value ?? ""} className={INPUT_CLASS} aria-describedby={describedBy} aria-invalid={invalid}>
      <option value="">{emptyLabel}</option>
      {Object.entries(LEVEL_LABELS[name]).map(([level, label]) => (
        <option key={level} value={level}>
          {label}
        </option>
      ))}
    </select>
  );
}
