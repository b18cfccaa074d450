/** Impact and urgency in words, for staff and (CUSTOMER_) for the portal's form: from lib/labels.ts. */
export {
  IMPACT_LABEL,
  URGENCY_LABEL,
  CUSTOMER_IMPACT_LABEL as IMPACT_CUSTOMER_LABEL,
  CUSTOMER_URGENCY_LABEL as URGENCY_CUSTOMER_LABEL,
} from "@/lib/labels";
