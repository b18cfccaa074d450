// The two-instance journeys share one cluster per worker (the project runs one worker): it starts before the
// first journey and stops after the last (Playwright tears a worker's fixtures down whatever the tests did),
// or after a failure, when Playwright starts a new worker and with it a new cluster.
import { test as base } from "@playwright/test";
import { startCluster, type Cluster } from "./cluster";

export const test = base.extend<object, { cluster: Cluster }>({
  cluster: [
    async ({}, use) => {
      const cluster = await startCluster();
      await use(cluster);
      await cluster.stop();
    },
    { scope: "worker", timeout: 300_000 },
  ],
});

export { expect } from "@playwright/test";
