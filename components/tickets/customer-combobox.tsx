"use client";

import { useEffect, useId, useRef, useState } from "react";
import { INPUT_CLASS } from "@/components/ui/field";

export interface CustomerOption {
  userId: string;
  name: string;
  email: string | null;
  organization: string | null;
}

/** How a match reads in the list: name · user ID · organization. */
export const customerLine = (c: CustomerOption) => [c.name, c.userId, c.organization].filter(Boolean).join(" · ");

/**
 * The staff typeahead for the customer a contact is for (ARIA 1.2 combobox): type part of a user ID, name,
 * email or organization; ↑/↓ move through the matches, Enter picks one, Escape closes the list. The chosen
 * customer's user ID is submitted as `name`.
 */
export function CustomerCombobox({
  name,
  initial,
  describedBy,
  invalid,
}: {
  name: string;
  initial?: CustomerOption | null;
  describedBy?: string;
  invalid?: boolean;
}) {
  const listId = useId();
  const [text, setText] = useState(initial ? customerLine(initial) : "");
  const [chosen, setChosen] = useState<CustomerOption | null>(initial ?? null);
  const [options, setOptions] = useState<CustomerOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const request = useRef(0);

  useEffect(() => {
    const q = text.trim();
    if (chosen || !q) return;
    const id = ++request.current;
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/v1/customers?q=${encodeURIComponent(q)}`, { headers: { accept: "application/json" } });
      if (id !== request.current) return;
      const found = response.ok ? ((await response.json()) as { customers: CustomerOption[] }).customers : [];
      setOptions(found);
      setActive(found.length ? 0 : -1);
      setOpen(true);
      setStatus(response.ok ? `${found.length || "No"} customer${found.length === 1 ? "" : "s"} found.` : "The search failed; try again.");
    }, 200);
    return () => clearTimeout(timer);
  }, [text, chosen]);

  const pick = (option: CustomerOption) => {
    setChosen(option);
    setText(customerLine(option));
    setOpen(false);
    setStatus(`Chosen: ${customerLine(option)}.`);
  };

  return (
    <div className="relative">
      <input type="hidden" name={name} value={chosen?.userId ?? ""} />
      <input
        id={name}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        autoComplete="off"
        placeholder="User ID, name, email or organization"
        className={INPUT_CLASS}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setChosen(null);
          if (!e.target.value.trim()) setOpen(false);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            if (!open && options.length) setOpen(true);
            const step = e.key === "ArrowDown" ? 1 : -1;
            setActive((i) => (options.length ? (i + step + options.length) % options.length : -1));
          } else if (e.key === "Enter" && open) {
            e.preventDefault();
            const option = options[active];
            if (option) pick(option);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Customers"
        hidden={!open}
        className="absolute z-10 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
      >
        {options.length === 0 && <li className="px-3 py-2 text-slate-600">No active customer matches.</li>}
        {options.map((option, i) => (
          <li
            key={option.userId}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer px-3 py-2 break-words ${i === active ? "bg-indigo-50 text-indigo-900" : "text-slate-800"}`}
            // Picked before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(option);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="font-medium">{option.name}</span>
            <span className="text-slate-600"> · {option.userId}</span>
            {option.organization && <span className="text-slate-600"> · {option.organization}</span>}
            {option.email && <span className="block text-xs text-slate-500">{option.email}</span>}
          </li>
        ))}
      </ul>
      <p className="sr-only" role="status">
        {status}
      </p>
    </div>
  );
}
