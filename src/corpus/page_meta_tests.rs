use super::*;

fn meta(html: &str) -> PageMeta {
    PageMeta::read(&Document::from(html))
}

#[test]
fn json_ld_article_fields_are_read() {
    let page = r#"<html><head>
        <meta property="og:title" content="Social headline">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
          "headline":"Harbour wall budget approved","datePublished":"2025-03-02T08:00:00+01:00",
          "author":[{"@type":"Person","name":"Mara Quill"},{"@type":"Person","name":"Tom Reyes"}],
          "publisher":{"@type":"Organization","name":"Harbour Times"}}</script>
        </head><body><p>x</p></body></html>"#;
    let m = meta(page);
    assert_eq!(m.title.as_deref(), Some("Harbour wall budget approved"));
    assert_eq!(m.published.as_deref(), Some("2025-03-02T08:00:00+01:00"));
    assert_eq!(m.author.as_deref(), Some("Mara Quill, Tom Reyes"));
    assert_eq!(m.site_name.as_deref(), Some("Harbour Times"));
}

#[test]
fn json_ld_graph_and_references_are_followed() {
    let page = r##"<script type="application/ld+json">{"@graph":[
        {"@type":"WebSite","@id":"#site","name":"Bay Times"},
        {"@type":"Person","@id":"#p1","name":"Ines Marlow"},
        {"@type":["Article","NewsArticle"],"headline":"Ferry strike ends",
         "author":{"@id":"#p1"},"datePublished":"2025-04-01"}]}</script>
        <script type="application/ld+json">not json</script>"##;
    let m = meta(page);
    assert_eq!(m.title.as_deref(), Some("Ferry strike ends"));
    assert_eq!(m.author.as_deref(), Some("Ines Marlow"));
    assert_eq!(m.published.as_deref(), Some("2025-04-01"));
}

#[test]
fn the_single_h1_is_the_title_before_og_title() {
    let page = "<html><head><meta property='og:title' content='Short social line'>\
        <title>Quake toll rises - Coastline Wire</title></head>\
        <body><h1>Quake toll rises to 212</h1><p>Text.</p></body></html>";
    let m = meta(page);
    assert_eq!(m.title.as_deref(), Some("Quake toll rises to 212"));
    assert!(m.title_is_h1);
    let two = "<body><h1>Logo</h1><h1>Other</h1></body>";
    assert_eq!(meta(two).title, None);
}

#[test]
fn site_suffixes_are_stripped() {
    let s = |t, site, url| strip_site_suffix(t, site, url);
    assert_eq!(
        s("Ferry strike ends | Bay Times", Some("Bay Times"), None),
        "Ferry strike ends"
    );
    assert_eq!(s("Valdera - Wikipedia", Some("Wikipedia"), None), "Valdera");
    assert_eq!(
        s(
            "Ferry strike ends - Bay Times",
            None,
            Some("https://www.baytimes.example/a")
        ),
        "Ferry strike ends"
    );
    assert_eq!(s("Markets rally - Reuters", None, None), "Markets rally");
    assert_eq!(
        s("Left - right politics", Some("Bay Times"), None),
        "Left - right politics"
    );
    assert_eq!(s(" | Bay Times", Some("Bay Times"), None), "| Bay Times");
}

#[test]
fn meta_tags_fill_in_and_urls_are_not_authors() {
    let page = "<head><meta property='og:site_name' content='Daily Meridian'>\
        <meta name='author' content='https://example.org/me'>\
        <meta property='article:published_time' content='2025-01-05T10:00:00Z'>\
        <link rel='canonical' href='https://meridian.example/x'>\
        <meta property='article:tag' content='Harbour'></head>";
    let m = meta(page);
    assert_eq!(m.site_name.as_deref(), Some("Daily Meridian"));
    assert_eq!(m.author, None);
    assert_eq!(m.published.as_deref(), Some("2025-01-05T10:00:00Z"));
    assert_eq!(m.url.as_deref(), Some("https://meridian.example/x"));
    assert_eq!(m.tags, ["Harbour"]);
}

#[test]
fn bylines_lose_their_by() {
    assert_eq!(strip_by("By Mara Quill"), "Mara Quill");
    assert_eq!(strip_by("by  Tom"), "Tom");
    assert_eq!(strip_by("Bystander"), "Bystander");
}
