#!/usr/bin/env python3
"""Compile Princeton WordNet 3.0 (Debian `wordnet-base`, /usr/share/wordnet) into the compact
synonym and antonym list that `rubric draft` embeds: src/authoring/wordnet.txt.

Only single words (letters only) are kept. A word's synonyms are the other single-word lemmas of
its most frequent sense (and second sense for verbs and adjectives) in each part of speech;
antonyms come from WordNet's lexical antonym pointers. Lines: `word syn syn …` and `!word ant …`.
Both sides are limited to the project's English word list (src/analysis/english-words.txt, from
SCOWL), which keeps the file near 370 KB.
Run: python3 tools/wordnet-compact.py /usr/share/wordnet src/analysis/english-words.txt \
         > src/authoring/wordnet.txt
"""
import sys, os, re
from collections import defaultdict

root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
known = None
if len(sys.argv) > 2:
    known = set(open(sys.argv[2]).read().split())
word_re = re.compile(r"^[a-z]{2,}$")
SENSES = {"noun": 1, "verb": 2, "adj": 2, "adv": 1}

def data(pos):
    synsets = {}
    with open(os.path.join(root, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split(" | ")[0].split()
            off = parts[0]
            n = int(parts[3], 16)
            words = [parts[4 + 2 * i].lower() for i in range(n)]
            words = [re.sub(r"\(.*\)$", "", w) for w in words]
            k = 4 + 2 * n
            p = int(parts[k]); k += 1
            ants = []
            for _ in range(p):
                sym, target, tpos, st = parts[k:k + 4]; k += 4
                if sym == "!":
                    src = int(st[:2], 16); dst = int(st[2:], 16)
                    ants.append((src, target, dst))
            synsets[off] = (words, ants)
    return synsets

syn = defaultdict(set)
ant = defaultdict(set)
for pos in ["noun", "verb", "adj", "adv"]:
    synsets = data(pos)
    with open(os.path.join(root, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split()
            lemma = parts[0]
            if not word_re.match(lemma):
                continue
            ns = int(parts[2]); pc = int(parts[3])
            offs = parts[4 + pc + 2:]
            for off in offs[:SENSES[pos]]:
                words, _ = synsets[off]
                for w in words:
                    if w != lemma and word_re.match(w):
                        syn[lemma].add(w)
    for off, (words, ants) in synsets.items():
        for src, target, dst in ants:
            if target not in synsets:
                continue
            tw = synsets[target][0]
            a = words[src - 1] if src else None
            b = tw[dst - 1] if dst else None
            if a and b and word_re.match(a) and word_re.match(b):
                ant[a].add(b)

def keep(w):
    return known is None or w in known

print("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. See LICENSE-WORDNET.")
for table, mark in ((syn, ""), (ant, "!")):
    for w in sorted(table):
        rest = [x for x in sorted(table[w]) if keep(x)]
        if keep(w) and rest:
            print(mark + w, " ".join(rest))
