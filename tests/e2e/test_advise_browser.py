"""The advisor interview in a real browser, without JavaScript: a naturalized Azerbaijani man living in Russia."""

from __future__ import annotations

from conftest import shot


def _question(page) -> str:
    return page.get_attribute("#question", "data-key")


def _next(page) -> None:
    with page.expect_navigation():
        page.click("#next")


def test_e2e_advise_naturalized_azerbaijani_man_in_russia(browser, server):
    context = browser.new_context(base_url=server, locale="en-GB", java_script_enabled=False, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    page.goto("/advise")
    assert "Nothing you enter here is stored" in page.inner_text("#privacy")
    assert _question(page) == "residence_country"
    page.select_option("select[name=value]", "RU")
    shot(page, "advise-01-country")
    _next(page)

    assert _question(page) == "citizenships"
    page.check("input[name=value][value=RU]")
    page.check("input[name=value][value=AZ]")
    shot(page, "advise-02-citizenships")
    _next(page)

    answers = {"acquired:RU": ("radio", "naturalization"), "year:RU": ("fill", "2019"), "acquired:AZ": ("radio", "birth"),
               "sex": ("radio", "male"), "birth_year": ("fill", "1987"), "residence_region": ("select", "RU-SVE"),
               "military_registration": ("radio", "registered")}
    asked, went_back = [], False
    while page.locator("#advice-title").count() == 0 and len(asked) < 20:
        key = _question(page)
        asked.append(key)
        kind, value = answers.get(key, ("radio", "no"))
        if kind == "select":
            page.select_option("select[name=value]", value)
        elif kind == "fill":
            page.fill("input[name=value]", value)
        else:
            page.check(f"input[name=value][value='{value}']")
        if key == "birth_year":
            shot(page, "advise-03-birth-year")
        _next(page)
        if key == "year:RU" and not went_back:  # back shows the last question with its answer; then forward again
            went_back = True
            with page.expect_navigation():
                page.click("#back")
            assert _question(page) == "year:RU" and page.input_value("input[name=value]") == "2019"
            asked.pop()
    assert {"acquired:RU", "year:RU", "acquired:AZ", "sex", "birth_year", "military_registration"} <= set(asked) and went_back
    assert "residence_status" not in asked  # a citizen of the country he lives in

    assert page.locator("#advice-title").count() == 1
    categories = {el.get_attribute("id") for el in page.locator("section.category").all()}
    assert {"category-host_citizenship_loss", "category-home_citizenship_loss"} <= categories
    assert page.locator("article.risk ul.sources a").count() >= page.locator("article.risk").count()
    assert page.locator("#not-applicable > li").count() >= 1
    assert page.locator("a.related-incident").count() >= 1
    shot(page, "advise-04-answer")

    page.locator("a.related-incident").first.click()
    page.wait_for_selector("#incident-title")
    shot(page, "advise-05-related-incident")
    assert page.context.cookies() == []  # no cookie: the language was never switched
    context.close()


def test_e2e_advise_in_russian(browser, server):
    context = browser.new_context(base_url=server, locale="ru-RU", java_script_enabled=False)
    page = context.new_page()
    page.goto("/advise")
    assert page.get_attribute("html", "lang") == "ru"
    assert "В какой стране вы сейчас живёте?" in page.inner_text("#question")
    page.select_option("select[name=value]", "RU")
    _next(page)
    with page.expect_navigation():
        page.click("button[data-lang=en]")  # switching language keeps the answers so far
    assert _question(page) == "citizenships" and page.get_attribute("html", "lang") == "en"
    shot(page, "advise-06-language-switch")
    context.close()
