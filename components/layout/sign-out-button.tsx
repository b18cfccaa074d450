"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button variant="ghost" className="shrink-0 gap-1.5 px-2" onClick={() => signOut({ callbackUrl: "/login" })}>
      <LogOut aria-hidden="true" className="size-4" />
      Sign out
    </Button>
  );
}
