// The client-address header (lib/client-address.ts) can be trusted only when scripts/serve.ts set it:
// it overwrites whatever a client sent under that name. Under `next start` or `next dev` nothing does, so a
// client could send it itself. serve.ts marks the process; decisions that trust the address check the mark.
const holder = globalThis as unknown as { tierdeskClientAddressTrusted?: boolean };

export function markClientAddressTrusted(): void {
  holder.tierdeskClientAddressTrusted = true;
}

export function clientAddressTrusted(): boolean {
  return holder.tierdeskClientAddressTrusted === true;
}
