// The demo page's script: no build step, no dependencies.
"use strict";

// The web SDK's cookie. Its name holds a colon, which cookie names cannot, so it is URL-encoded.
const ANON_COOKIE = encodeURIComponent("crossdeck:anon_id");

// Reads the visitor's anonymous id, minting one like the web SDK when there is none:
// "anon_" + base36(now) + 10 random base36 characters, kept for two years.
function anonymousId() {
  const existing = document.cookie.split("; ").find((c) => c.startsWith(ANON_COOKIE + "="));
  if (existing) {
    return decodeURIComponent(existing.substring(ANON_COOKIE.length + 1));
  }
  const random = Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) => (b % 36).toString(36)).join("");
  const id = "anon_" + Date.now().toString(36) + random;
  document.cookie = ANON_COOKIE + "=" + id + "; Path=/; Max-Age=63072000; SameSite=Lax";
  return id;
}

const anonId = anonymousId();
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

document.getElementById("anon-id").textContent = anonId;

call("GET", "/demo/info").then((info) => {
  timelineUrl = info.body.timelineUrl;
  document.getElementById("timeline").href = timelineUrl || "#";
  document.getElementById("my-timeline").href = customerPage(anonId);
});

call("POST", "/api/page-viewed", { path: location.pathname });

document.getElementById("abandon").onclick = async () => {
  show("abandon-out", await call("POST", "/api/abandon-cart", { cartValue: 129.0, items: ["pro-annual", "extra-seat"] }));
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
