import { takeFromBucket, type BucketDecision, type BucketState } from "./token-bucket";

/**
 * Each token's bucket, in this process's memory: with several app instances each allows the full rate
 * (the README says so). A bucket is tiny and there is one per token in use, so nothing is evicted.
 */
const buckets = new Map<string, BucketState>();

export function takeTokenRequest(tokenId: string, now: Date): BucketDecision {
  const decision = takeFromBucket(buckets.get(tokenId), now.getTime());
  buckets.set(tokenId, decision.state);
  return decision;
}
