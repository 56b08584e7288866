//! Agreement statistics: Pearson and Spearman correlation, mean absolute error, pairwise order
//! agreement. Plain functions over slices, tested on hand-computed cases.

/// Pearson's correlation of two equally long series; `None` with fewer than two points or when
/// either series is constant.
pub fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    let n = xs.len();
    if n < 2 || n != ys.len() {
        return None;
    }
    let mx = xs.iter().sum::<f64>() / n as f64;
    let my = ys.iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx.sqrt() * syy.sqrt()))
}

/// Ranks from 1, ties sharing their average rank.
pub fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..xs.len()).collect();
    idx.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut out = vec![0.0; xs.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && xs[idx[j + 1]] == xs[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for &k in &idx[i..=j] {
            out[k] = avg;
        }
        i = j + 1;
    }
    out
}

/// Spearman's rank correlation (Pearson over tie-averaged ranks).
pub fn spearman(xs: &[f64], ys: &[f64]) -> Option<f64> {
    pearson(&ranks(xs), &ranks(ys))
}

/// Mean absolute error.
pub fn mean_absolute_error(errors: &[f64]) -> Option<f64> {
    (!errors.is_empty()).then(|| errors.iter().map(|e| e.abs()).sum::<f64>() / errors.len() as f64)
}

/// Share of ordered pairs that the grader orders the same way: a concordant pair counts 1, a pair
/// the grader ties counts ½. `expected[i] > expected[j]` decides the order; pairs with equal
/// expectations are left out. Returns (agreement, pairs considered).
pub fn pair_agreement(expected: &[f64], got: &[f64]) -> Option<(f64, usize)> {
    let mut total = 0usize;
    let mut agree = 0.0;
    for i in 0..expected.len() {
        for j in i + 1..expected.len() {
            if expected[i] == expected[j] {
                continue;
            }
            total += 1;
            let e = expected[i] > expected[j];
            if got[i] == got[j] {
                agree += 0.5;
            } else if (got[i] > got[j]) == e {
                agree += 1.0;
            }
        }
    }
    (total > 0).then(|| (agree / total as f64, total))
}

/// Pairwise order agreement over the pairs the marker ranks apart: `expected[i]` is an inclusive
/// range, and a pair counts only when the two ranges do not overlap (one answer's lowest
/// acceptable score is above the other's highest). Overlapping ranges — a wrong answer marked
/// 0–12 next to a denied one marked 0–15 — state no order, so a grader that ties or swaps them
/// is not wrong. A concordant pair counts 1, a tie ½. Returns (agreement, pairs considered).
pub fn ranked_pair_agreement(expected: &[(f64, f64)], got: &[f64]) -> Option<(f64, usize)> {
    let mut total = 0usize;
    let mut agree = 0.0;
    for i in 0..expected.len() {
        for j in i + 1..expected.len() {
            let (hi, lo) = if expected[i].0 > expected[j].1 {
                (i, j)
            } else if expected[j].0 > expected[i].1 {
                (j, i)
            } else {
                continue;
            };
            total += 1;
            if got[hi] == got[lo] {
                agree += 0.5;
            } else if got[hi] > got[lo] {
                agree += 1.0;
            }
        }
    }
    (total > 0).then(|| (agree / total as f64, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn pearson_by_hand() {
        // x = 1,2,3; y = 2,4,7: mean 2, 13/3; sxy = 5, sxx = 2, syy = 38/3 → 5 / sqrt(76/3)
        let r = pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 7.0]).unwrap();
        assert!(close(r, 5.0 / (76.0f64 / 3.0).sqrt()));
        assert!(close(pearson(&[1.0, 2.0], &[3.0, 1.0]).unwrap(), -1.0));
        assert_eq!(pearson(&[1.0, 1.0], &[1.0, 2.0]), None);
        assert_eq!(pearson(&[1.0], &[1.0]), None);
    }

    #[test]
    fn ranks_average_ties() {
        assert_eq!(ranks(&[10.0, 20.0, 20.0, 5.0]), vec![2.0, 3.5, 3.5, 1.0]);
    }

    #[test]
    fn spearman_by_hand() {
        // Monotone but not linear: Spearman 1, Pearson below 1.
        let (x, y) = ([1.0, 2.0, 3.0, 4.0], [1.0, 4.0, 9.0, 100.0]);
        assert!(close(spearman(&x, &y).unwrap(), 1.0));
        assert!(pearson(&x, &y).unwrap() < 1.0);
        // One swap among three: ranks (1,2,3) vs (1,3,2): d² = 0+1+1 → 1 - 6·2/(3·8) = 0.5
        assert!(close(
            spearman(&[1.0, 2.0, 3.0], &[1.0, 3.0, 2.0]).unwrap(),
            0.5
        ));
    }

    #[test]
    fn pairs_by_hand() {
        // expected 90, 50, 10; got 80, 85, 5: pairs (0,1) discordant, (0,2) and (1,2) concordant.
        let (a, n) = pair_agreement(&[90.0, 50.0, 10.0], &[80.0, 85.0, 5.0]).unwrap();
        assert_eq!(n, 3);
        assert!(close(a, 2.0 / 3.0));
        // A grader tie counts half; equal expectations are skipped.
        let (a, n) = pair_agreement(&[90.0, 10.0, 10.0], &[50.0, 50.0, 0.0]).unwrap();
        assert_eq!(n, 2);
        assert!(close(a, 0.75));
    }

    #[test]
    fn ranked_pairs_skip_overlapping_ranges() {
        // 0–12 and 0–15 overlap: no order claimed. 75–100 is above both.
        let ranges = [(0.0, 12.0), (0.0, 15.0), (75.0, 100.0)];
        let (a, n) = ranked_pair_agreement(&ranges, &[0.0, 0.0, 90.0]).unwrap();
        assert_eq!(n, 2);
        assert!(close(a, 1.0));
        // a swap across disjoint ranges counts against, a tie half
        let (a, n) = ranked_pair_agreement(&ranges, &[95.0, 90.0, 90.0]).unwrap();
        assert_eq!(n, 2);
        assert!(close(a, 0.25));
        assert!(ranked_pair_agreement(&ranges[..2], &[0.0, 1.0]).is_none());
    }

    #[test]
    fn mae_by_hand() {
        assert!(close(mean_absolute_error(&[1.0, -3.0, 2.0]).unwrap(), 2.0));
        assert_eq!(mean_absolute_error(&[]), None);
    }
}
