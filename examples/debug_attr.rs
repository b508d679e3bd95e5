use crosscheck::text::{DocKind, Document};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let doc = Document::new(path, text, DocKind::Text);
    let rules = crosscheck::rules::RuleSet::builtin().unwrap();
    let ex = crosscheck::extract::extract(&rules, &doc, 0);
    for (i, s) in ex.sentences.iter().enumerate() {
        let a = ex.attributions[i].first();
        println!(
            "[{i}] p{} q{} {:?}\n    -> {:?} | {:?}",
            s.paragraph,
            s.in_quote as u8,
            doc.slice(s.span),
            a.map(|a| (&a.source.name, &a.source.role, a.source.via)),
            a.map(|a| doc.slice(a.content))
        );
    }
}
