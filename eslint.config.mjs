import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    // Every text input is built on storableString (lib/validation/text.ts), which refuses NUL: PostgreSQL
    // cannot store it, so a bare z.string would let it through to a 500.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/validation/text.ts", "tests/**", "scripts/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='z'][property.name='string']", message: "Build text inputs on storableString from lib/validation/text.ts: it refuses NUL, which PostgreSQL cannot store." },
      ],
    },
  },
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "tests/api/generated/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts"],
  },
];

export default config;
