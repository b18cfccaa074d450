// Response shapes of the self-service routes (attachments, KB articles) as JSON Schema; they mirror
// AttachmentJson, ArticleSummary and CustomerArticle.
import { ref, type JsonSchema } from "./openapi-schemas";

const string: JsonSchema = { type: "string" };
const dateTime: JsonSchema = { type: "string", format: "date-time" };
const object = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: "object", properties, required: Object.keys(properties) });
const category: JsonSchema = { anyOf: [object({ slug: string, name: string }), { type: "null" }] };

const Attachment = object({
  id: { type: "string", format: "uuid" },
  fileName: string,
  contentType: { type: "string", enum: ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"] },
  size: { type: "integer" },
  createdAt: dateTime,
  url: { type: "string", description: "GET it to download the file." },
});

const ArticleSummary = object({ slug: string, title: string, excerpt: string, category });

export const SELF_SERVICE_RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  Attachment,
  AttachmentList: object({ attachments: { type: "array", items: ref("Attachment") } }),
  ArticleSummary,
  ArticleSearchResult: object({ articles: { type: "array", items: ref("ArticleSummary") } }),
  Article: object({ slug: string, title: string, body: { type: "string", description: "Markdown." }, updatedAt: dateTime, category }),
  ArticleResponse: object({ article: ref("Article") }),
  ArticleFeedbackResponse: object({ feedback: object({ helpful: { type: "boolean" } }) }),
  DeflectionResponse: object({ deflection: object({ recordedAt: dateTime }) }),
  SelfServiceCounts: object({
    counts: {
      type: "array",
      items: object({
        periodStart: dateTime,
        article: object({ slug: string, title: string }),
        deflections: { type: "integer" },
        helpful: { type: "integer" },
        notHelpful: { type: "integer" },
      }),
    },
  }),
};
