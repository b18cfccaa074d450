import { describe, expect, it } from "vitest";
import { addressRefusal, urlHostRefusal } from "@/lib/webhooks/address-policy";

describe("which addresses a webhook may reach", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.255.255.254", "a loopback address"],
    ["10.1.2.3", "a private address"],
    ["172.16.0.1", "a private address"],
    ["172.31.255.255", "a private address"],
    ["192.168.1.10", "a private address"],
    ["169.254.169.254", "a link-local address"],
    ["100.64.0.1", "a shared (carrier-grade NAT) address"],
    ["0.0.0.0", "an unspecified address"],
    ["224.0.0.1", "a multicast address"],
    ["255.255.255.255", "a reserved address"],
    ["::1", "a loopback address"],
    ["::", "an unspecified address"],
    ["fe80::1", "a link-local address"],
    ["fe80::1%eth0", "a link-local address"],
    ["fd12:3456:789a::1", "a unique-local (private) address"],
    ["fc00::5", "a unique-local (private) address"],
    ["ff02::1", "a multicast address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:7f00:1", "a loopback address"],
    ["::ffff:10.0.0.8", "a private address"],
    ["::ffff:169.254.169.254", "a link-local address"],
    ["64:ff9b::c0a8:0101", "a private address"],
    ["[::1]", "a loopback address"],
  ])("refuses %s: %s", (address, why) => {
    expect(addressRefusal(address)).toBe(why);
  });

  it.each(["8.8.8.8", "93.184.216.34", "172.32.0.1", "172.15.255.255", "100.128.0.1", "192.169.0.1", "11.0.0.1", "2606:4700:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "lets %s through",
    (address) => {
      expect(addressRefusal(address)).toBeNull();
    },
  );

  it("refuses what is not an address at all", () => {
    expect(addressRefusal("example.com")).toBe("not an IP address");
    expect(addressRefusal("1.2.3")).toBe("not an IP address");
  });

  it("checks a URL's literal host, in whatever form the URL parser normalises it to, and localhost names", () => {
    expect(urlHostRefusal(new URL("http://127.0.0.1:8080/hook"))).toBe("a loopback address");
    expect(urlHostRefusal(new URL("http://0x7f.1/hook"))).toBe("a loopback address");
    expect(urlHostRefusal(new URL("http://2130706433/hook"))).toBe("a loopback address");
    expect(urlHostRefusal(new URL("http://[::ffff:192.168.0.1]/hook"))).toBe("a private address");
    expect(urlHostRefusal(new URL("https://LOCALHOST/hook"))).toBe("a loopback address");
    expect(urlHostRefusal(new URL("https://api.localhost/hook"))).toBe("a loopback address");
    expect(urlHostRefusal(new URL("https://hooks.example.com/hook"))).toBeNull();
    expect(urlHostRefusal(new URL("https://[2606:4700:4700::1111]/hook"))).toBeNull();
  });
});
