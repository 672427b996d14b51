// The demo page's script: no build step, no dependencies.
"use strict";

// The web SDK's cookie. Its name holds a colon, which cookie names cannot, so it is URL-encoded.
// This page only ever reads it: the web SDK owns it, and a second cookie of the same name written
// by page code is exactly what leaves a server unsure which id is current.
const SDK_COOKIE = encodeURIComponent("crossdeck:anon_id");
// Where this page, which has no web SDK, keeps its own id instead.
const DEMO_KEY = "crossdeck-sample:anon_id";

function webSdkAnonymousId() {
  const cookie = document.cookie.split("; ").find((c) => c.startsWith(SDK_COOKIE + "="));
  return cookie ? decodeURIComponent(cookie.substring(SDK_COOKIE.length + 1)) : null;
}

// Minted like the web SDK's: "anon_" + base36(now) + 10 random base36 characters. Sent to the
// server in X-Anon-Id, never as a cookie.
function demoAnonymousId() {
  let id = localStorage.getItem(DEMO_KEY);
  if (!id) {
    const random = Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => (b % 36).toString(36)).join("");
    id = "anon_" + Date.now().toString(36) + random;
    localStorage.setItem(DEMO_KEY, id);
  }
  return id;
}

let anonId = webSdkAnonymousId() || demoAnonymousId();
let timelineUrl = null;

async function call(method, path, body, headers = {}) {
  const response = await fetch(path, {
    method,
    headers: { "Content-Type": "application/json", "X-Anon-Id": anonId, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: text ? JSON.parse(text) : null };
  } catch (notJson) {
    return { status: response.status, body: text };
  }
}

function show(id, result) {
  document.getElementById(id).textContent = result.status + " " + JSON.stringify(result.body, null, 2);
}

function adminHeaders() {
  const user = document.getElementById("admin-user").value;
  const password = document.getElementById("admin-password").value;
  // X-Requested-With: a failed login answers 401 without a browser password dialog.
  return { Authorization: "Basic " + btoa(user + ":" + password), "X-Requested-With": "XMLHttpRequest" };
}

function customerPage(anyId) {
  return timelineUrl ? timelineUrl + "customers/" + encodeURIComponent(anyId) : "#";
}

function showIdentity() {
  document.getElementById("anon-id").textContent = anonId;
  document.getElementById("my-timeline").href = customerPage(anonId);
}

async function session() {
  return (await call("GET", "/session")).body;
}

showIdentity();

call("GET", "/demo/info").then((info) => {
  timelineUrl = info.body.timelineUrl;
  document.getElementById("timeline").href = timelineUrl || "#";
  showIdentity();
});

call("POST", "/api/page-viewed", { path: location.pathname });

document.getElementById("abandon").onclick = async () => {
  show("abandon-out", await call("POST", "/api/abandon-cart", { cartValue: 129.0, items: ["pro-annual", "extra-seat"] }));
};

// Signs in like the login form does, plus the page's anonymous id: the starter links it to the user
// in this request. With the web SDK, its cookie carries the id and the page then calls
// Crossdeck.identify(userId).
document.getElementById("sign-in").onsubmit = async (event) => {
  event.preventDefault();
  const { csrfHeader, csrfToken } = await session();
  await fetch("/login", {
    method: "POST",
    body: new URLSearchParams(new FormData(event.target)),
    headers: { [csrfHeader]: csrfToken, "X-Anon-Id": anonId },
  });
  const { userId } = await session();
  document.getElementById("session-out").textContent = userId
    ? "Signed in as " + userId + ": your anonymous history is moving onto their timeline."
    : "Wrong username or password.";
  if (userId) {
    document.getElementById("my-timeline").href = customerPage(userId);
  }
};

// Signs out, then does what Crossdeck.reset() does in a page with the web SDK: forgets the
// anonymous id and mints a new one, so the next person at this browser starts out anonymous.
document.getElementById("sign-out").onclick = async () => {
  const { csrfHeader, csrfToken } = await session();
  await fetch("/logout", { method: "POST", headers: { [csrfHeader]: csrfToken, "X-Anon-Id": anonId } });
  localStorage.removeItem(DEMO_KEY);
  anonId = webSdkAnonymousId() || demoAnonymousId();
  showIdentity();
  document.getElementById("session-out").textContent = "Signed out; this browser has a new anonymous id.";
};

document.getElementById("signup").onsubmit = async (event) => {
  event.preventDefault();
  const form = Object.fromEntries(new FormData(event.target));
  const result = await call("POST", "/signup", form);
  show("signup-out", result);
  if (result.status === 201) {
    document.getElementById("my-timeline").href = customerPage(result.body.userId);
  }
};

document.getElementById("email-link").onclick = async () => {
  const { body } = await call("GET", "/demo/email-link?userId=user_grace&campaign=spring_newsletter&dest=/");
  const tampered = body.link.replace("c=spring_newsletter", "c=winter_sale");
  document.getElementById("email-links").innerHTML = "";
  for (const [label, href] of [["Signed link", body.link], ["Tampered link (other campaign)", tampered]]) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = label;
    document.getElementById("email-links").append(a, " ");
  }
};

let lastStripeEvent = null;
async function sendStripe(type, eventId) {
  const userId = type === "customer.subscription.deleted" ? "user_grace" : "user_ada";
  const result = await call("POST", "/demo/stripe-webhook", { type, userId, eventId });
  show("stripe-out", result);
  return result;
}
document.querySelectorAll("[data-stripe]").forEach((button) => {
  button.onclick = async () => {
    const result = await sendStripe(button.dataset.stripe);
    lastStripeEvent = { type: button.dataset.stripe, id: result.body.stripeEventId };
    document.getElementById("stripe-replay").disabled = false;
  };
});
document.getElementById("stripe-replay").onclick = () => sendStripe(lastStripeEvent.type, lastStripeEvent.id);

document.getElementById("renewals").onclick = async () => {
  show("admin-out", await call("POST", "/admin/renewals/run", undefined, adminHeaders()));
};

document.getElementById("grant").onsubmit = async (event) => {
  event.preventDefault();
  show("admin-out", await call("POST", "/admin/grants", Object.fromEntries(new FormData(event.target)), adminHeaders()));
};
document.getElementById("revoke").onclick = async () => {
  const form = Object.fromEntries(new FormData(document.getElementById("grant")));
  show("admin-out", await call("POST", "/admin/revocations", { userId: form.userId, entitlement: form.entitlement }, adminHeaders()));
};
