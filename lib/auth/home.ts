import type { Role } from "@/lib/db/generated/enums";

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  switch (role) {
    case "CUSTOMER":
      return "/portal";
    case "AGENT":
    case "MANAGER":
    case "ADMIN":
      return "/queue";
  }
}
