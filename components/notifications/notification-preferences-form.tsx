"use client";

import { useState, useTransition } from "react";
import type { NotificationKind } from "@/lib/db/generated/enums";
import { NOTIFICATION_KIND_LABEL } from "@/lib/labels";
import type { NotificationPreferences } from "@/lib/notifications/preferences";
import type { DeliveryChoice } from "@/lib/validation/notifications";
import type { NotificationPageActions } from "./notification-actions";

const CHOICES: { value: DeliveryChoice; label: string }[] = [
  { value: "in-app", label: "In-app only" },
  { value: "mail", label: "In-app and mail" },
];

/** Per kind: in-app only, or in-app and mail. Saved through the same schema as PUT /api/v1/me/notification-preferences. */
export function NotificationPreferencesForm({ preferences, save }: { preferences: NotificationPreferences; save: NotificationPageActions["savePreferences"] }) {
  const [choices, setChoices] = useState<Record<NotificationKind, DeliveryChoice>>(
    () => Object.fromEntries(preferences.kinds.map((k) => [k.kind, k.byMail ? "mail" : "in-app"])) as Record<NotificationKind, DeliveryChoice>,
  );
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => setResult(await save({ kinds: choices })));
      }}
      className="space-y-3"
    >
      {preferences.notice && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="no-email-notice">
          {preferences.notice} Mail choices take effect once an admin adds your address.
        </p>
      )}
      <div className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {preferences.kinds.map(({ kind, isDefault }) => (
          <fieldset key={kind} className="flex flex-col gap-2 px-3 py-2 sm:flex-row sm:items-center">
            <legend className="float-left text-sm font-medium text-slate-900 sm:w-48">
              {NOTIFICATION_KIND_LABEL[kind]}
              {isDefault && <span className="ml-1 text-xs font-normal text-slate-600">(default)</span>}
            </legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {CHOICES.map((choice) => (
                <label key={choice.value} className="inline-flex items-center gap-1.5 text-sm text-slate-800">
                  <input
                    type="radio"
                    name={`kind-${kind}`}
                    value={choice.value}
                    checked={choices[kind] === choice.value}
                    onChange={() => setChoices((current) => ({ ...current, [kind]: choice.value }))}
                    className="size-4 accent-indigo-700"
                  />
                  {choice.label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:bg-indigo-300">
          Save preferences
        </button>
        <p role="status" className={`text-sm ${result?.ok === false ? "text-red-800" : "text-green-800"}`}>
          {result?.message}
        </p>
      </div>
    </form>
  );
}
