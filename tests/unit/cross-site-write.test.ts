import { describe, expect, it } from "vitest";
import { crossSiteWriteRefusal, ownOriginsOf, writeRequestFacts } from "@/lib/http/cross-site-write";

const OWN = ["http://localhost:3000"];
const write = (facts: Partial<Parameters<typeof crossSiteWriteRefusal>[0]> = {}) => ({ method: "POST", hasCookie: true, origin: null, secFetchSite: null, ...facts });

describe("crossSiteWriteRefusal", () => {
  it("lets a signed-in write through when its Origin is this site's or the browser says same-origin", () => {
    expect(crossSiteWriteRefusal(write({ origin: "http://localhost:3000" }), OWN)).toBeNull();
    expect(crossSiteWriteRefusal(write({ origin: "HTTP://LOCALHOST:3000" }), OWN)).toBeNull();
    expect(crossSiteWriteRefusal(write({ secFetchSite: "same-origin" }), OWN)).toBeNull();
  });

  it("refuses a signed-in POST, PUT, PATCH or DELETE from another origin, a sibling site, or with no Origin at all", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(crossSiteWriteRefusal(write({ method, origin: "https://evil.example" }), OWN)).toMatch(/evil\.example/);
    }
    expect(crossSiteWriteRefusal(write({ origin: "http://localhost:3001" }), OWN)).not.toBeNull();
    expect(crossSiteWriteRefusal(write({ origin: "https://localhost:3000" }), OWN)).not.toBeNull();
    expect(crossSiteWriteRefusal(write({ origin: "null" }), OWN)).not.toBeNull();
    expect(crossSiteWriteRefusal(write({ secFetchSite: "same-site" }), OWN)).not.toBeNull();
    expect(crossSiteWriteRefusal(write({ secFetchSite: "cross-site", origin: null }), OWN)).toMatch(/Origin/);
    expect(crossSiteWriteRefusal(write(), OWN)).toMatch(/Origin/);
  });

  it("leaves reads and cookie-less requests alone (the latter are unauthenticated anyway)", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) expect(crossSiteWriteRefusal(write({ method, origin: "https://evil.example" }), OWN)).toBeNull();
    expect(crossSiteWriteRefusal(write({ hasCookie: false, origin: "https://evil.example" }), OWN)).toBeNull();
  });
});

describe("ownOriginsOf and writeRequestFacts", () => {
  it("takes the origin from Host (or X-Forwarded-Host/-Proto behind a proxy) and from NEXTAUTH_URL", () => {
    const direct = new Request("http://0.0.0.0:3000/api/v1/tickets", { method: "POST", headers: { host: "localhost:3000" } });
    expect(ownOriginsOf(direct, "https://desk.example.com/base")).toEqual(["http://localhost:3000", "https://desk.example.com"]);
    const proxied = new Request("http://10.0.0.2:3000/api/v1/tickets", { headers: { host: "10.0.0.2:3000", "x-forwarded-host": "Desk.Example.com", "x-forwarded-proto": "https" } });
    expect(ownOriginsOf(proxied, undefined)).toEqual(["https://desk.example.com"]);
  });

  it("reads the method, the cookie's presence, Origin and Sec-Fetch-Site", () => {
    const request = new Request("http://localhost:3000/x", { method: "DELETE", headers: { cookie: "a=b", origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(writeRequestFacts(request)).toEqual({ method: "DELETE", hasCookie: true, origin: "https://evil.example", secFetchSite: "cross-site" });
  });
});
