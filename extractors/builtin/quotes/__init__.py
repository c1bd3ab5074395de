"""The built-in `quotes` extractor: who said (or wrote, or believes) what.

Passes, most trusted first, over one shared `Context` of the article (its quoted regions,
paragraphs and the cue lexicon in `cues.yaml`):

1. `transcript`: "HOST: ..." labels, and a "Survey: ..." headline;
2. `direct`: quoted passages with a cue beside them (`"...," Blinken said`, `said Maas:
   "..."`, `"..." ― Name`), split quotes joined into one attribution;
3. `nested`: parentheticals (", he said,") and relayed statements ("Biden, said Blinken,
   had told Putin that ..." -> speaker Biden, `nested_speaker` Blinken);
4. `according`: "according to X" and similar phrases, and a document or a view opening
   a sentence with "in" ("In the audit, ...", "In her view, ...");
5. `clauses`: reporting verbs, adjectives and statement nouns with their dependents in
   the parse (indirect and mixed), trimmed by `pruning`;
   `passives`: views in the passive, the subject with what is said of it ("turnout is
   expected to be low", "the claim was rated as false"), sourced to the agent or nobody;
   `nouns`: a statement noun with its that-clause, or a noun of committing with its
   infinitive, wherever it stands ("her claim that ...", "the union's threat to ...");
   `stance`: seeming ("the plan seems too risky") and evidence with a dummy subject ("it
   is clear that ..."), which no one in particular holds;
6. `continuation`: quoted sentences that continue a statement in their paragraph, and
   quoted paragraphs with no cue, which keep the last speaker.

Each pass produces `Draft`s; `assemble` sets kinds from the quotation marks and drops
duplicates; `speakers` names each speaker: the local mention ("he", "who") stays
`speaker_span`, and `speaker` is the actor it belongs to when the actors extractor ran (else
the mention's own text, a pronoun falling back to the person named before it). Quote dates
come from the timeline's date resolver (`Quote.date`, `Quote.date_text`).
"""

from __future__ import annotations

from sitroom.extractors.builtin.quotes.extractor import QuotesExtractor, QuotesOptions

__all__ = ["QuotesExtractor", "QuotesOptions"]
