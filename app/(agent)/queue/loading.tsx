import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";

export default function QueueLoading() {
  return (
    <LoadingRegion label="Loading the queue">
      <Skeleton className="h-7 w-40" />
      <div className="flex flex-wrap gap-2">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-8 w-28" />
        ))}
      </div>
      <div className="space-y-2">
        {Array.from({ length: 10 }, (_, i) => (
          <Skeleton key={i} className="h-9 w-full" />
        ))}
      </div>
    </LoadingRegion>
  );
}
