import type { Metadata } from "next";
import Image from "next/image";
import { LoginForm } from "@/components/auth/login-form";
import { sameSitePath } from "@/lib/auth/callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const { callbackUrl, staff } = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <h1 className="mb-1 flex items-center gap-2 text-2xl font-bold text-indigo-800">
        <Image src="/logo.svg" alt="" width={32} height={32} loading="eager" />
        Tierdesk
      </h1>
      <p className="mb-6 text-sm text-slate-700">Sign in to the support portal.</p>
      <LoginForm callbackUrl={sameSitePath(typeof callbackUrl === "string" ? callbackUrl : undefined)} initialKind={staff === "1" ? "staff" : "customer"} />
    </main>
  );
}
