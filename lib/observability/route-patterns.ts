import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const ROUTE_FILE = /^(page|route)\.(tsx?|jsx?)$/;
// Files Next.js serves from the app folder by their own name (metadata routes).
const METADATA_FILE = /^(favicon\.ico|(icon|apple-icon|opengraph-image|twitter-image)\d*\.\w+|manifest\.(json|webmanifest)|robots\.txt|sitemap\.xml)$/;

/**
 * The app's route patterns, read from its sources: every page and route handler under `appDir` (route groups
 * such as (agent) are not part of the URL), metadata files, the files of `publicDir`, and Next.js's own files.
 */
export function routePatterns(appDir = path.resolve("app"), publicDir = path.resolve("public")): string[] {
  const patterns = ["/_next/static/[...path]", "/_next/image", "/_next/data/[...path]"];
  const walk = (dir: string, url: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue; // private folders and parallel slots
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? url : [...url, entry.name]);
      } else if (ROUTE_FILE.test(entry.name)) {
        patterns.push(`/${url.join("/")}`);
      } else if (METADATA_FILE.test(entry.name)) {
        patterns.push(`/${[...url, entry.name].join("/")}`);
      }
    }
  };
  if (existsSync(appDir)) walk(appDir, []);
  if (existsSync(publicDir)) {
    for (const entry of readdirSync(publicDir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) patterns.push(`/${path.relative(publicDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`);
    }
  }
  return patterns;
}
