import { Field, INPUT_CLASS } from "@/components/ui/field";

/** A labelled textarea for portal forms. */
export function TicketTextField({ id, name, label, hint, errors, rows = 3, required = true }: { id: string; name: string; label: string; hint?: string; errors?: string[]; rows?: number; required?: boolean }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <textarea id={id} name={name} rows={rows} required={required} maxLength={5_000} aria-describedby={describedBy} aria-invalid={invalid} className={INPUT_CLASS} />
      )}
    </Field>
  );
}
