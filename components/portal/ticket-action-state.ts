/** The answer of every portal ticket action: a message to show, and the fields at fault. */
export interface PortalActionState {
  ok?: boolean;
  message?: string;
  fields?: Record<string, string[]>;
}

export type PortalAction = (previous: PortalActionState, form: FormData) => Promise<PortalActionState>;
