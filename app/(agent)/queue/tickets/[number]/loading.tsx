import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";

export default function TicketLoading() {
  return (
    <LoadingRegion label="Loading the ticket">
      <Skeleton className="h-4 w-28" />
      <Skeleton className="h-8 w-3/4" />
      <Skeleton className="h-10 w-full" />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="space-y-3 lg:col-span-2">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-24 w-full" />
          ))}
        </div>
        <div className="space-y-3">
          <Skeleton className="h-40 w-full" />
          <Skeleton className="h-32 w-full" />
        </div>
      </div>
    </LoadingRegion>
  );
}
