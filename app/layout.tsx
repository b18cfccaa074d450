import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tierdesk", template: "%s · Tierdesk" },
  description: "Tiered support help desk",
  applicationName: "Tierdesk",
  // The files live in public/ (drawn from public/logo.svg by scripts/make-icons.sh).
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "16x16 32x32 48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
};

/** The browser's toolbar on a phone takes the brand colour: Tailwind 4's indigo-800, as the header's "Tierdesk". */
export const viewport: Viewport = { themeColor: "#372aac" };

// Every page depends on who is signed in and on live data: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
