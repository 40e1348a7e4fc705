"""What the browser tests check on every page: axe-core's audit, focus, horizontal scrolling, log-in."""

import re
import time

from django_otp.oath import TOTP

from .prepare import PASSWORD, TOTP_KEY

BLOCKING_IMPACTS = {"serious", "critical"}


def audit(page, axe_source):
    """Run axe-core on the current page and return its serious and critical violations, readable.

    axe is evaluated through the DevTools protocol rather than added as a <script>: the portal's
    Content-Security-Policy (script-src 'self') rightly refuses inline scripts, and must stay on.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    result = page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + n.failureSummary),
            }));
        }"""
    )
    return [
        f"[{v['impact']}] {v['id']}: {v['help']}\n    " + "\n    ".join(v["targets"])
        for v in result
        if v["impact"] in BLOCKING_IMPACTS
    ]


def assert_accessible(page, axe_source):
    """axe-core finds nothing serious, the page has its landmarks and one h1, and no script failed."""
    assert page.locator("main").count() == 1, f"{page.url}: one <main> expected"
    assert page.locator("header[role=banner], body > header").count() >= 1, f"{page.url}: no banner"
    assert page.locator("footer[role=contentinfo], body > footer").count() >= 1, (
        f"{page.url}: no footer"
    )
    assert page.locator("h1").count() == 1, f"{page.url}: exactly one h1 expected"
    violations = audit(page, axe_source)
    assert not violations, f"axe-core on {page.url}:\n" + "\n".join(violations)
    assert not page.errors, f"Errors on {page.url}: {page.errors}"


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than the viewport (0 when it does not scroll sideways)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def focus_indicator(page):
    """The focused element's outline and box-shadow, as the browser computes them."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {
                tag: el.tagName.toLowerCase(), text: (el.textContent || el.value || "").trim().slice(0, 60),
                outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
                boxShadow: style.boxShadow, focusVisible: el.matches(":focus-visible"),
            };
        }"""
    )


def has_visible_focus(indicator):
    return indicator["focusVisible"] and (
        (indicator["outlineStyle"] != "none" and indicator["outlineWidth"] >= 2)
        or indicator["boxShadow"] not in ("", "none")
    )


# What the server's TOTP device of each user has accepted so far, mirrored here: a code is accepted once,
# only at a time step above the last one, within one step of the device's clock (which moves to follow
# the codes it accepts: django-otp's drift). Guessing instead would trip django-otp's throttling.
_ACCEPTED = {}  # username -> (last time step, drift)


def one_time_code(step):
    """The code the journeys' authenticator app shows at TOTP time step `step`."""
    totp = TOTP(bytes.fromhex(TOTP_KEY))
    totp.time = step * 30
    return f"{totp.token():06d}"


def _next_step(username):
    now = int(time.time() // 30)
    last, drift = _ACCEPTED.get(username, (0, 0))
    step = max(last + 1, now + drift)
    _ACCEPTED[username] = (step, step - now)
    return step


def log_in(page, portal, username):
    """Log into the Wagtail admin through its login form, as a user would, typing the one-time code when
    the role requires two-factor authentication."""
    page.goto(portal("/admin/login/"))
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/(2fa/verifier/.*)?$"))
    if "/admin/2fa/verifier/" in page.url:
        page.get_by_label("Code à usage unique").fill(one_time_code(_next_step(username)))
        page.get_by_role("button", name="Vérifier").click()
    page.wait_for_url(portal("/admin/"))
    assert not page.errors, f"Errors while logging in: {page.errors}"


def visit(page, url, status=200):
    """Open `url` and check the HTTP status the visitor got."""
    response = page.goto(url)
    assert response is not None and response.status == status, (
        f"{url}: HTTP {response and response.status}"
    )
    return response


def tab_until(page, predicate_js, limit=150, backwards=False):
    """Press Tab (or Shift+Tab) until the focused element satisfies `predicate_js` (a JS function of the
    element). Returns the number of presses; fails if the element is never reached by the keyboard."""
    key = "Shift+Tab" if backwards else "Tab"
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        if page.evaluate(f"() => ({predicate_js})(document.activeElement)"):
            return presses
    raise AssertionError(f"Not reached with {key} after {limit} presses: {predicate_js}")


def assert_no_horizontal_scroll(page):
    """The page does not scroll sideways; on failure, name the elements that stick out."""
    overflow = horizontal_overflow(page)
    if overflow:
        culprits = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                .slice(0, 8)
                .map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (right ${Math.round(el.getBoundingClientRect().right)} px)`)"""
        )
        raise AssertionError(f"{page.url} scrolls {overflow} px sideways: {culprits}")
