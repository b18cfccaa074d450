import { test as base, type Page } from "@playwright/test";
import { apiSignIn } from "./helpers";

/** A demo person (helpers.ts): a customer signs in with a PIN, staff with a password. */
export type Person = { userId: string; name: string } & ({ pin: string } | { password: string });

/**
 * `signedIn(person)`: a page in a browser of that person's own, already signed in through next-auth's API (no
 * sign-in form: login.spec.ts tests the form). Every browser opened is closed when the test ends.
 */
export const test = base.extend<{ signedIn: (person: Person) => Promise<Page> }>({
  signedIn: async ({ browser }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (person) => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      if ("pin" in person) await apiSignIn(page.request, "customer", person.userId, person.pin);
      else await apiSignIn(page.request, "staff", person.userId, person.password);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

export { expect } from "@playwright/test";
