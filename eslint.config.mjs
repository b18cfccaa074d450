import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Every text input is built on storableString (lib/validation/text.ts), which refuses NUL: PostgreSQL
// cannot store it, so a bare z.string would let it through to a 500.
const STORABLE_STRING_ONLY = {
  selector: "MemberExpression[object.name='z'][property.name='string']",
  message: "Build text inputs on storableString from lib/validation/text.ts: it refuses NUL, which PostgreSQL cannot store.",
};

// SQL that other modules compose (a fragment, a statement builder) lives in a file named *.sql.ts, beside its
// TypeScript twin where it has one (lib/README.md, "Twins"). A service may still run its own statements.
const SQL_EXPORT_MESSAGE = "SQL for other modules to compose lives in a *.sql.ts file (lib/README.md): move this export there.";
const isPrismaSql = "[tag.object.name='Prisma'][tag.property.name='sql']";
const isPrismaSqlCall = "[callee.object.name='Prisma'][callee.property.name=/^(sql|raw|join)$/]";
const SQL_EXPORTS = [
  `ExportNamedDeclaration > FunctionDeclaration[returnType.typeAnnotation.typeName.right.name='Sql']`,
  `ExportNamedDeclaration > FunctionDeclaration[returnType.typeAnnotation.elementType.typeName.right.name='Sql']`,
  `ExportNamedDeclaration > FunctionDeclaration > BlockStatement > ReturnStatement > TaggedTemplateExpression${isPrismaSql}`,
  `ExportNamedDeclaration > FunctionDeclaration > BlockStatement > ReturnStatement > CallExpression${isPrismaSqlCall}`,
  `ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > TaggedTemplateExpression${isPrismaSql}`,
  `ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > ArrowFunctionExpression > TaggedTemplateExpression${isPrismaSql}`,
  `ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > ArrowFunctionExpression > CallExpression${isPrismaSqlCall}`,
  `ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > ArrowFunctionExpression > BlockStatement > ReturnStatement > TaggedTemplateExpression${isPrismaSql}`,
  `ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > ArrowFunctionExpression[returnType.typeAnnotation.typeName.right.name='Sql']`,
].map((selector) => ({ selector, message: SQL_EXPORT_MESSAGE }));

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/validation/text.ts", "tests/**", "scripts/**"],
    rules: { "no-restricted-syntax": ["error", STORABLE_STRING_ONLY] },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/**/*.sql.ts", "lib/db/generated/**", "lib/validation/text.ts"],
    rules: { "no-restricted-syntax": ["error", STORABLE_STRING_ONLY, ...SQL_EXPORTS] },
  },
  // The layers' boundaries (lib/README.md): pages and components reach the database only through lib's
  // services; lib never reaches up into pages or components; the pure routing rules never touch the database.
  {
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db/*", "@/lib/db/**", "!@/lib/db/generated", "!@/lib/db/generated/enums"], message: "Components reach the database through a lib service; only the enums (lib/db/generated/enums) are theirs to import." },
            { group: ["@prisma/*", "@/lib/db/generated/client"], message: "Components reach the database through a lib service, never through Prisma." },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/db/generated/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/components/*", "@/components/**", "@/app/*", "@/app/**"], message: "lib/ is imported by pages and components, never the other way: move the shared type or rule into lib/." }] },
      ],
    },
  },
  {
    // The pure routing rules: decisions as functions of plain data, tested without a database.
    files: [
      "lib/calendar/*.ts",
      "lib/routing/{candidate-log,candidates,clock-columns,clocks,comment-access,defaults,groups,guards}.ts",
      "lib/routing/{intake,labels,matrix,place-many,placement,replay,replay-history,sla,sop-guard,vendor-targets,what-if}.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db/*", "@/lib/db/**", "!@/lib/db/generated", "!@/lib/db/generated/enums", "@prisma/*"], message: "A routing rule is a pure function of plain data: the verb that calls it reads the database." },
            { group: ["./ticket-store", "@/lib/tickets/core/ticket-store", "./*.sql", "@/lib/*/*.sql"], message: "A routing rule is a pure function of plain data: the verb that calls it reads the database." },
          ],
        },
      ],
    },
  },
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "tests/api/generated/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts"],
  },
];

export default config;
