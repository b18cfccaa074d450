import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files from its own package folder at run time.
  // prom-client: the one copy scripts/serve.ts loads too (lib/observability/metrics.ts).
  // smtp-server, imapflow, mailparser: Node servers and parsers for replies by email, loaded as they are.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "prom-client", "smtp-server", "imapflow", "mailparser"],
  experimental: {
    // The new-ticket form and a portal reply carry up to 5 attachments of 10 MB each
    // (lib/attachments/prepare-uploads.ts). Next.js applies this limit to every server action and cannot
    // scope it per action or page: proxy.ts holds every other page's writes to the 1 MB default
    // (lib/http/body-limit.ts). The proxy buffers bodies up to its own limit, so it needs the same 52 MB
    // or the file pages' actions would receive a truncated body. Both default to 1 MB and 10 MB.
    serverActions: { bodySizeLimit: "52mb" },
    proxyClientMaxBodySize: "52mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
