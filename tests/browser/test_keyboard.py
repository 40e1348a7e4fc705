"""Keyboard use, tested rather than audited: skip link, visible focus, no trap, menu and facets."""

from .helpers import focus_indicator, has_visible_focus, tab_until, visit

IS_SKIP_LINK = "el => el.classList.contains('skip-link')"
IS_LAST_FOOTER_LINK = "el => el === [...document.querySelectorAll('footer a')].pop()"


def test_skip_link_is_first_visible_and_moves_focus_to_the_content(portal, page):
    visit(page, portal("/ressources/"))
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate(f"() => ({IS_SKIP_LINK})(document.activeElement)")
    assert skip.inner_text() == "Aller au contenu"
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0, "the skip link must be on screen when focused"
    assert has_visible_focus(focus_indicator(page))
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "contenu"
    # The next Tab continues from the content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')")


def test_every_focusable_element_shows_its_focus_and_nothing_traps_it(portal, page):
    for path in ("/", "/ressources/", "/lexique/"):
        visit(page, portal(path))
        seen = []
        for _ in range(400):
            page.keyboard.press("Tab")
            indicator = focus_indicator(page)
            if indicator["tag"] == "body":
                break
            assert has_visible_focus(indicator), f"{path}: no visible focus on {indicator}"
            seen.append(indicator)
            if page.evaluate(f"() => ({IS_LAST_FOOTER_LINK})(document.activeElement)"):
                break
        else:
            raise AssertionError(f"{path}: Tab never reached the footer (focus trap?)")
        assert page.evaluate(f"() => ({IS_LAST_FOOTER_LINK})(document.activeElement)"), path
        # And back up with Shift+Tab, to the search field of the header.
        tab_until(page, "el => el.id === 'header-q'", limit=len(seen) + 2, backwards=True)


def test_mobile_menu_opens_and_closes_with_the_keyboard(portal, mobile_page):
    page = mobile_page
    visit(page, portal("/"))
    toggle = page.locator(".nav-toggle")
    menu = page.locator("#menu-principal")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    tab_until(page, "el => el.classList.contains('nav-toggle')")
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert menu.get_by_role("link", name="Ressources").is_visible()
    tab_until(page, "el => el.textContent.trim() === 'Ressources'")
    page.keyboard.press("Enter")
    page.wait_for_url(portal("/ressources/"))
    assert page.locator("h1").inner_text() == "Bibliothèque de ressources"
    # On the next page the menu starts closed again; Space opens and closes it.
    assert toggle.get_attribute("aria-expanded") == "false"
    tab_until(page, "el => el.classList.contains('nav-toggle')")
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()


def test_desktop_menu_needs_no_toggle(portal, page):
    visit(page, portal("/"))
    assert not page.locator(".nav-toggle").is_visible()
    assert page.locator("#menu-principal").get_by_role("link", name="Lexique").is_visible()


def test_library_facets_work_with_the_keyboard(portal, page):
    visit(page, portal("/ressources/"))
    tab_until(page, "el => el.id === 'kind-rapport'")
    page.keyboard.press("Space")
    assert page.locator("#kind-rapport").is_checked()
    tab_until(page, "el => el.type === 'submit' && el.closest('form.filters')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ressources/?*kind=rapport*")
    assert page.locator("#kind-rapport").is_checked()
    # The facet's state is in the URL: reloading keeps it.
    page.reload()
    assert page.locator("#kind-rapport").is_checked()
