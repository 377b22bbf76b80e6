"""A whole training epoch and its statistics in one compiled call (numba).

Layout. ``theta``/``grad`` are the network's flat vectors (W_0, b_0, W_1, ...).
``layers`` is an int64 table, one row per layer, columns :data:`FI` ... :data:`HM`.
The activation buffers ``Z``, ``H``, ``D`` (rows, columns) hold every layer side by
side: the input occupies columns ``0..inputs-1`` of ``H``, layer l's units the
columns ``OO..OO+fan_out-1``, and its input is at ``IO`` (the previous block).

The loop per batch is the NumPy trainer's, in the same order: forward, loss and
dE/dZ, backpropagation (dE/dW masked), the divergence backup, the gradient
statistics (every ``stride``-th batch), regularization, the optimizer step.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from . import losses, optimizers
from .kernels import LINEAR, STEP, activate, df, scale_by_df

FI, FO, WO, BO, HB, ACT, IO, OO, HM = range(9)
#: Classification / regression codes for the metric.
CLASSIFICATION, REGRESSION = 0, 1


@njit(cache=True)
def forward(theta, layers, Z, H, n):
    """Z_l = H_{l-1} @ W_l + b_l, H_l = f(Z_l) for rows 0..n-1 (input already in H).

    The loops read 1-D views (W, one row of H): ~3x faster than offsets into the whole
    arrays, which numba cannot prove non-negative.
    """
    for l in range(layers.shape[0]):
        fi, fo, wo, bo = layers[l, FI], layers[l, FO], layers[l, WO], layers[l, BO]
        io, oo, act, hb = layers[l, IO], layers[l, OO], layers[l, ACT], layers[l, HB]
        W, b = theta[wo:wo + fi * fo], theta[bo:bo + fo]
        A, Zl, Hl = H[:n, io:io + fi], Z[:n, oo:oo + fo], H[:n, oo:oo + fo]
        for i in range(n):
            for j in range(fo):  # a dot product per unit, summed in a register
                s = theta.dtype.type(0.0)
                for q in range(fi):
                    s += A[i, q] * W[q * fo + j]
                Zl[i, j] = s + b[j] if hb else s  # + b after the product, as the NumPy path
        if act == LINEAR:
            Hl[:, :] = Zl
        else:
            activate(act, Zl, Hl)


@njit(cache=True)
def backward(theta, grad, wmask, layers, Z, H, D, n):
    """From D of the output block: dE/dW_l, dE/db_l into grad, deltas down the layers."""
    for l in range(layers.shape[0] - 1, -1, -1):
        fi, fo, wo, bo = layers[l, FI], layers[l, FO], layers[l, WO], layers[l, BO]
        io, oo = layers[l, IO], layers[l, OO]
        W, gW = theta[wo:wo + fi * fo], grad[wo:wo + fi * fo]
        A, Dl = H[:n, io:io + fi], D[:n, oo:oo + fo]
        for q in range(fi):  # dE/dW[q, j] = sum over the batch of A[i, q] D[i, j]
            for j in range(fo):
                s = D.dtype.type(0.0)
                for i in range(n):
                    s += A[i, q] * Dl[i, j]
                gW[q * fo + j] = s
        if layers[l, HM]:
            m = wmask[wo:wo + fi * fo]
            for q in range(fi * fo):
                gW[q] *= m[q]
        if layers[l, HB]:
            gb = grad[bo:bo + fo]
            for j in range(fo):
                s = D.dtype.type(0.0)
                for i in range(n):
                    s += Dl[i, j]
                gb[j] = s
        if l > 0:  # delta_{l-1} = (delta_l @ W_l^T) * f'(Z_{l-1})
            Dp = D[:n, io:io + fi]
            for i in range(n):
                for q in range(fi):
                    s = D.dtype.type(0.0)
                    for j in range(fo):
                        s += Dl[i, j] * W[q * fo + j]
                    Dp[i, q] = s
            prev = layers[l - 1, ACT]
            if prev != LINEAR:
                scale_by_df(prev, Z[:n, io:io + fi], H[:n, io:io + fi], Dp)


@njit(cache=True)
def train_batches(theta, grad, wmask, layers, X, Y, perm, ints, floats, s1, s2, hyper,
                  backup, gabs, gsq, P, Ys, Z, H, D):
    """Every batch of one epoch. Returns (batches, stats batches, rows, sum of bs * E,
    last E, Adam's t, diverged). ``ints`` = (batch size, delta code, optimizer code,
    regularization code, stride, Adam's t); ``floats`` = (lr, regularization rate).
    On divergence theta is back at ``backup``, the last state whose loss was finite.
    """
    n, k, inputs = X.shape[0], Y.shape[1], X.shape[1]
    bs, code, opt, reg, stride, t = ints[0], ints[1], ints[2], ints[3], ints[4], ints[5]
    lr, rate = floats[0], floats[1]
    L = layers.shape[0]
    o, act = layers[L - 1, OO], layers[L - 1, ACT]
    for i in range(n):
        for j in range(k):
            Ys[i, j] = Y[perm[i], j]
    gabs[:] = 0.0
    gsq[:] = 0.0
    nb = ns = p = 0
    sum_loss, e = 0.0, 0.0
    bs = max(1, bs)
    while p < n:
        m = min(bs, n - p)
        for i in range(m):
            r = perm[p + i]
            for j in range(inputs):
                H[i, j] = X[r, j]
        forward(theta, layers, Z, H, m)
        e = losses.delta(code, act, Z, H, D, Ys[p:p + m], m, o, k)
        if not math.isfinite(e):
            theta[:] = backup
            return nb, ns, p, sum_loss, e, t, True
        backward(theta, grad, wmask, layers, Z, H, D, m)
        backup[:] = theta
        for i in range(m):
            for j in range(k):
                P[p + i, j] = H[i, o + j]
        if nb % stride == 0:
            for q in range(theta.size):
                g = grad[q]
                gabs[q] += abs(g)
                g64 = np.float64(g)  # gsq is float64: a float32 square overflows at 2e19
                gsq[q] += g64 * g64
            ns += 1
        if reg != optimizers.NONE and rate != 0.0:
            optimizers.regularize(reg, rate, theta, grad, wmask)
        t = optimizers.step(opt, lr, theta, grad, s1, s2, hyper, t)
        sum_loss += e * m
        nb += 1
        p += m
    return nb, ns, p, sum_loss, e, t, False


@njit(cache=True)
def score(task, threshold, Hb, o, Y, n):
    """Accuracy (classification) or R^2 (regression) of outputs Hb[:n, o:o+k] against Y."""
    k = Y.shape[1]
    if n == 0:
        return math.nan
    if task == CLASSIFICATION:
        right = 0
        thr = Y.dtype.type(threshold)
        for i in range(n):
            if k == 1:
                right += (Hb[i, o] > thr) == (Y[i, 0] > thr)
            else:
                a = b = 0
                for j in range(1, k):
                    if Hb[i, o + j] > Hb[i, o + a]:
                        a = j
                    if Y[i, j] > Y[i, b]:
                        b = j
                right += a == b
        return right / n
    total = 0.0
    for j in range(k):  # scikit-learn's r2_score per column, then the mean
        mean = 0.0
        for i in range(n):
            mean += Y[i, j]
        mu = Y.dtype.type(mean / n)
        ss_res = ss_tot = 0.0
        for i in range(n):
            d = Y[i, j] - Hb[i, o + j]
            ss_res += d * d
            d = Y[i, j] - mu
            ss_tot += d * d
        if ss_tot > 0:
            total += 1.0 - ss_res / ss_tot
        elif ss_res == 0:
            total += 1.0
    return total / k


@njit(cache=True)
def epoch_stats(theta, layers, counts, sat_thr, ints, threshold, gabs, gsq, P, Ys, p, ns,
                Xt, Yt, Xsat, out):
    """Fill ``out`` = (train metric, test loss, test metric, then per layer: mean |dE/dW|,
    RMS over batches of ||dE/dW||, mean |W|, saturated fraction); NaN where absent.
    ``ints`` = (task, test loss code); ``sat_thr`` per layer: |f'| below it is saturated
    (negative: a step layer, always saturated)."""
    L = layers.shape[0]
    o = layers[L - 1, OO]
    task, code = ints[0], ints[1]
    out[0] = score(task, threshold, P, 0, Ys, p)
    out[1] = out[2] = math.nan
    cols = layers[L - 1, OO] + layers[L - 1, FO]
    nt, nsat = Xt.shape[0], Xsat.shape[0]
    rows = max(nt, nsat)
    Z = np.empty((rows, cols), theta.dtype)
    H = np.empty((rows, cols), theta.dtype)
    if nt > 0:
        H[:nt, :Xt.shape[1]] = Xt
        forward(theta, layers, Z, H, nt)
        out[1] = losses.value(code, Z, H, Yt, nt, o, Yt.shape[1])
        out[2] = score(task, threshold, H, o, Yt, nt)
    nbd = max(ns, 1)
    for l in range(L):
        wo, size = layers[l, WO], layers[l, FI] * layers[l, FO]
        ga = gs = wa = 0.0
        for q in range(wo, wo + size):
            ga += gabs[q]
            gs += gsq[q]
            wa += abs(theta[q])
        out[3 + l] = ga / counts[l] / nbd
        out[3 + L + l] = math.sqrt(gs / nbd)
        out[3 + 2 * L + l] = wa / counts[l]
    H[:nsat, :Xsat.shape[1]] = Xsat
    forward(theta, layers, Z, H, nsat)
    for l in range(L):
        act, oo, fo = layers[l, ACT], layers[l, OO], layers[l, FO]
        if act == STEP or sat_thr[l] < 0:
            out[3 + 3 * L + l] = 1.0
            continue
        thr = theta.dtype.type(sat_thr[l])
        c = 0
        for i in range(nsat):
            for j in range(fo):
                c += abs(df(act, Z[i, oo + j], H[i, oo + j])) < thr
        out[3 + 3 * L + l] = c / (nsat * fo)


@njit(cache=True)
def run_epoch(theta, grad, wmask, layers, X, Y, perm, ints, floats, s1, s2, hyper, backup,
              gabs, gsq, P, Ys, counts, sat_thr, stat_ints, Xt, Yt, Xsat, out):
    """One epoch: :func:`train_batches`, then :func:`epoch_stats` into ``out``.

    ``floats[2]`` is the label threshold. Only arrays cross from Python: numba's dispatch
    types a Python scalar argument ~10 µs slower than an array.
    """
    cols = layers[-1, OO] + layers[-1, FO]
    m = max(1, min(ints[0], X.shape[0]))
    Z = np.empty((m, cols), theta.dtype)
    H = np.empty((m, cols), theta.dtype)
    D = np.empty((m, cols), theta.dtype)
    r = train_batches(theta, grad, wmask, layers, X, Y, perm, ints, floats, s1, s2, hyper,
                      backup, gabs, gsq, P, Ys, Z, H, D)
    epoch_stats(theta, layers, counts, sat_thr, stat_ints, floats[2], gabs, gsq, P, Ys, r[2],
                r[1], Xt, Yt, Xsat, out)
    return r
