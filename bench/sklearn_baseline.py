#!/usr/bin/python3
"""scikit-learn baseline on the same splits as `chhavi train`.

TF-IDF of word 1-2-grams and character 2-5-grams (char_wb) feeding LogisticRegression and
LinearSVC with balanced class weights. Binary labels are scored at the default decision
(probability 0.5 / margin 0) and, for logistic regression, also at the F1-best threshold chosen
on the same tuning rows as ours. Writes bench/out/sklearn_baseline.json.

Usage: bash bench/sklearn_baseline.sh   (exports the splits with tsx, then runs this)
       /usr/bin/python3 bench/sklearn_baseline.py HEADS.json [OUT.json]
"""
import json
import sys
import time

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.svm import LinearSVC


def vectorizers():
    return [
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=1, sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, max_features=500000),
    ]


def fit_transform(vs, texts):
    return hstack([v.fit_transform(texts) for v in vs]).tocsr()


def transform(vs, texts):
    return hstack([v.transform(texts) for v in vs]).tocsr()


def best_threshold(p, y):
    order = np.argsort(-p, kind="stable")
    ps, ys = p[order], y[order]
    tp = np.cumsum(ys)
    k = np.arange(1, len(ys) + 1)
    pos = ys.sum()
    f1 = np.where(tp > 0, 2 * tp / (k + pos), 0.0)
    valid = np.append(ps[1:] != ps[:-1], True)
    f1 = np.where(valid, f1, -1)
    i = int(np.argmax(f1))
    return float((ps[i] + ps[i + 1]) / 2) if i + 1 < len(ps) else float(ps[i])


def scores(y, pred, binary):
    out = {
        "macro_f1": float(f1_score(y, pred, average="macro", zero_division=0)),
        "weighted_f1": float(f1_score(y, pred, average="weighted", zero_division=0)),
        "n": int(len(y)),
    }
    if binary:
        out["positive_f1"] = float(f1_score(y, pred, pos_label=1, average="binary", zero_division=0))
    return out


def main():
    heads_path = sys.argv[1]
    out_path = sys.argv[2] if len(sys.argv) > 2 else "bench/out/sklearn_baseline.json"
    heads = json.load(open(heads_path, encoding="utf-8"))
    result = {"sklearn": __import__("sklearn").__version__, "labels": {}}
    for h in heads:
        train = h["train"]
        if not train or len({e["y"] for e in train}) < 2:
            continue
        t0 = time.time()
        binary = h["classes"] is None
        vs = vectorizers()
        X = fit_transform(vs, [e["text"] for e in train])
        y = np.array([e["y"] for e in train])
        w = np.array([e["w"] for e in train], dtype=float)
        lr = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000, solver="liblinear" if binary else "lbfgs")
        lr.fit(X, y, sample_weight=w)
        svm = LinearSVC(C=0.5, class_weight="balanced")
        svm.fit(X, y, sample_weight=w)
        entry = {"train_rows": len(train), "seconds": None, "dev": {}}
        threshold = None
        if binary and h["tune"] and len({e["y"] for e in h["tune"]}) == 2:
            Xt = transform(vs, [e["text"] for e in h["tune"]])
            threshold = best_threshold(lr.predict_proba(Xt)[:, 1], np.array([e["y"] for e in h["tune"]]))
            entry["lr_tuned_threshold"] = threshold
        for name, rows in h["reports"].items():
            if not rows:
                continue
            Xr = transform(vs, [e["text"] for e in rows])
            yr = np.array([e["y"] for e in rows])
            r = {"logreg": scores(yr, lr.predict(Xr), binary), "linearsvc": scores(yr, svm.predict(Xr), binary)}
            if threshold is not None:
                r["logreg_tuned"] = scores(yr, (lr.predict_proba(Xr)[:, 1] >= threshold).astype(int), binary)
            entry["dev"][name] = r
        entry["seconds"] = round(time.time() - t0, 1)
        result["labels"][h["label"]] = entry
        print(h["label"], json.dumps(entry["dev"]), file=sys.stderr)
    json.dump(result, open(out_path, "w"), indent=2)
    print("wrote", out_path, file=sys.stderr)


if __name__ == "__main__":
    main()
