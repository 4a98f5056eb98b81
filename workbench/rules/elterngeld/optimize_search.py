"""The exact search: a dynamic programme over Lebensmonate 1–32 and a best-first walk for the top N.

A plan is a sequence of 32 joint actions (the kinds of both parents in one Lebensmonat).
What a month pays depends only on the month and the action (see :mod:`optimize_model`), and
every planning rule is a small automaton over the months, so the search state after a month is:

- ``ra``, ``rb``, ``rt``: contingent still free for parent A, parent B and together, in half
  Basis months (§ 4 Abs. 3, 4, 5 BEEG), capped by what the remaining months could still use
  (so states that cannot differ any more merge);
- ``simul``: simultaneous Basis months used (§ 4 Abs. 6 BEEG; only while it can matter);
- ``bonus``: 0 not started, 1–4 months of the running Partnerschaftsbonus block, 5 done (§ 4b);
- ``ca``, ``cb``: months with Elterngeld per parent, capped at what § 4 Abs. 4 Satz 2 and the
  advisor's min/max months need;
- ``ea``, ``eb``: whether the advisor's earliest return to work is met;
- ``ta``, ``tb``: counts of a tracked parent's income months per class and kind (§ 2 Abs. 3).

Continuity after month 14 (§ 4 Abs. 1 Satz 3, from month 15–19 after an early birth, § 4 Abs. 5)
needs no state: a month from then on in which nobody takes Elterngeld ends the plan, and the
rest of the months are checked to allow "none". The maternity months are fixed by the allowed
kinds. ``value(m, s)`` is the best total of months m..32 from state s (memoised); the top N are
found best-first with ``value`` as an exact bound, so every plan popped complete is the next best.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass

from workbench.money import ZERO
from workbench.rules.elterngeld.optimize_model import CODE, UNITS, Modell, Preise, cents
from workbench.rules.elterngeld.plan import BASIS, BONUS, LEBENSMONATE, NONE, PLUS

NEG = -(10 ** 15)
TIE_ORDER = (BASIS, PLUS, BONUS, NONE)
"""Among plans of equal value the search returns first those that take months early and as Basis."""
END = LEBENSMONATE + 1
State = tuple[int, int, int, int, int, int, int, int, int, tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Aktion:
    """The kinds of both parents in one Lebensmonat, with what it pays and uses."""

    a: str
    b: str
    cents: int
    ua: int
    ub: int
    both_basis: bool
    bonus: bool
    takes_a: bool
    takes_b: bool
    track_a: int          # index into the tracked counters of A, or -1
    track_b: int
    household_ok: bool    # the minimum household income holds (or cannot be known in the month)
    household_deferred: bool


@dataclass
class Ergebnis:
    """Plans best first: (total in cents of the search objective, months per parent)."""

    plans: list[tuple[int, dict[str, str]]]
    states: int
    complete: bool = True   # False when the candidate limit stopped a search with checks at the end


def _most(preise: Preise, month: int, kind: str) -> int:
    return cents(preise.betrag(month, kind != BASIS, ZERO))


class Suche:
    """The dynamic programme for one :class:`Modell`."""

    def __init__(self, model: Modell, extra_cents: list[int] | None = None,
                 accept: Callable[[dict[str, str]], bool] | None = None) -> None:
        self.m = model
        self.accept = accept
        lim = model.limits
        self.pa = model.parents[0]
        self.pb = model.parents[1] if len(model.parents) > 1 else None
        self.limit_a = 2 * lim.per_parent
        self.limit_b = 2 * lim.per_parent if self.pb else 0
        self.limit_t = 2 * lim.total_basis
        self.bmin, self.bmax = lim.bonus_min, lim.bonus_max
        self.done = lim.bonus_max + 1
        self.cont_from = lim.continuous_from
        self.cap_a = max(2, self.pa.min_count, self.pa.max_count or 0)
        self.cap_b = max(2, self.pb.min_count, self.pb.max_count or 0) if self.pb else 0
        n = END + 1
        self.pot_a = [0] * (n + 1)
        self.pot_b = [0] * (n + 1)
        self.bonus_later = [False] * (n + 1)
        self.none_ok_from = [True] * (n + 1)
        self.actions: list[list[Aktion]] = [[] for _ in range(n)]
        for m in range(LEBENSMONATE, 0, -1):
            acts = self._actions(m, extra_cents[m - 1] if extra_cents else 0)
            self.actions[m] = acts
            self.pot_a[m] = self.pot_a[m + 1] + max((x.ua for x in acts), default=0)
            self.pot_b[m] = self.pot_b[m + 1] + max((x.ub for x in acts), default=0)
            self.bonus_later[m] = self.bonus_later[m + 1] or any(x.bonus for x in acts)
            self.none_ok_from[m] = self.none_ok_from[m + 1] and any(not x.takes_a and not x.takes_b for x in acts)
        self.memo: list[dict[State, int]] = [{} for _ in range(n)]

    # --- actions -----------------------------------------------------------------------
    def _actions(self, m: int, extra: int) -> list[Aktion]:
        pa, pb = self.pa, self.pb
        kinds_b = sorted(pb.allowed[m - 1], key=TIE_ORDER.index) if pb else [NONE]
        out = []
        for ka in sorted(pa.allowed[m - 1], key=TIE_ORDER.index):
            for kb in kinds_b:
                if (ka == BONUS or kb == BONUS) and self.m.bonus_joint and ka != kb:
                    continue  # § 4b Abs. 1: the bonus only in parallel
                if ka == kb == BASIS and self.m.simultaneous_limited and m > self.m.simultaneous_until:
                    continue
                ta = pa.tracked_class.get(m, -1) if ka != NONE else -1
                tb = pb.tracked_class.get(m, -1) if pb and kb != NONE else -1
                if ta >= 0 and ka != BASIS:
                    ta += len(pa.classes)
                if pb and tb >= 0 and kb != BASIS:
                    tb += len(pb.classes)
                eg = (0 if ka == NONE or ta >= 0 else pa.month_cents[(m, ka)]) + \
                     (0 if kb == NONE or tb >= 0 or pb is None else pb.month_cents[(m, kb)])
                work = pa.work_net[m - 1] + (pb.work_net[m - 1] if pb else 0)
                deferred = ta >= 0 or tb >= 0
                floor = self.m.min_household_cents
                # A tracked month's amount is only known at the end; without income after the birth a
                # month pays the most (the amount falls with the income, § 2 Abs. 3), so that bound
                # can already rule the action out and the exact check follows on the complete plan.
                most = eg + (_most(pa.preise, m, ka) if ta >= 0 else 0) + (_most(pb.preise, m, kb) if pb and tb >= 0 else 0)
                ok = (floor is None or (ka == NONE and kb == NONE) or most + work >= floor)
                if not ok:
                    continue
                out.append(Aktion(ka, kb, eg + extra, UNITS[ka], UNITS[kb], ka == kb == BASIS,
                                  ka == BONUS or kb == BONUS, ka != NONE, kb != NONE, ta, tb, ok,
                                  deferred and floor is not None))
        return out

    # --- states ------------------------------------------------------------------------
    def root(self) -> State:
        na = 2 * len(self.pa.classes)
        nb = 2 * len(self.pb.classes) if self.pb else 0
        return self._canon(0, self.limit_a, self.limit_b, self.limit_t, 0, 0, 0, 0,
                           0 if self.pa.earliest else 1, 0 if self.pb and self.pb.earliest else 1,
                           (0,) * na, (0,) * nb)

    def _canon(self, m: int, ra: int, rb: int, rt: int, simul: int, bonus: int, ca: int, cb: int,
               ea: int, eb: int, ta: tuple[int, ...], tb: tuple[int, ...]) -> State:
        """The state before month m + 1, with everything that cannot matter any more merged."""
        nxt = m + 1
        ra = min(ra, self.pot_a[nxt])
        rb = min(rb, self.pot_b[nxt])
        rt = min(rt, ra + rb)
        if nxt > self.m.simultaneous_until:
            simul = 0
        if bonus == self.done and not self.bonus_later[nxt]:
            bonus = 0
        return (ra, rb, rt, simul, bonus, ca, cb, ea, eb, ta, tb)

    def step(self, m: int, s: State, x: Aktion) -> tuple[int, State] | None:
        """The month after month m and its state, or None when the action breaks a rule."""
        ra, rb, rt, simul, bonus, ca, cb, ea, eb, ta, tb = s
        ra -= x.ua
        rb -= x.ub
        rt -= x.ua + x.ub
        if ra < 0 or rb < 0 or rt < 0:
            return None
        if x.both_basis and self.m.simultaneous_limited:
            if simul >= self.m.simultaneous_max:
                return None
            simul += 1
        if x.bonus:
            if bonus == 0:
                bonus = 1
            elif bonus < self.bmax:
                bonus += 1
            else:
                return None
        elif 0 < bonus < self.done:
            if bonus < self.bmin:
                return None
            bonus = self.done
        pa, pb = self.pa, self.pb
        if x.takes_a:
            if pa.max_count is not None and ca >= pa.max_count:
                return None
            ca = min(ca + 1, self.cap_a)
            if pa.earliest is not None and m >= pa.earliest - 1:
                ea = 1
            if x.track_a >= 0:
                ta = ta[:x.track_a] + (ta[x.track_a] + 1,) + ta[x.track_a + 1:]
        if x.takes_b and pb is not None:
            if pb.max_count is not None and cb >= pb.max_count:
                return None
            cb = min(cb + 1, self.cap_b)
            if pb.earliest is not None and m >= pb.earliest - 1:
                eb = 1
            if x.track_b >= 0:
                tb = tb[:x.track_b] + (tb[x.track_b] + 1,) + tb[x.track_b + 1:]
        if m >= self.cont_from and not (x.takes_a or x.takes_b):
            # § 4 Abs. 1 Satz 3: from here on no further month; the plan ends now.
            if not self.none_ok_from[m + 1]:
                return None
            return END, self._canon(LEBENSMONATE, ra, rb, rt, simul, bonus, ca, cb, ea, eb, ta, tb)
        return m + 1, self._canon(m, ra, rb, rt, simul, bonus, ca, cb, ea, eb, ta, tb)

    def terminal(self, s: State) -> int:
        """What the finished plan adds (tracked income months), or NEG when a rule or constraint fails."""
        _, _, _, _, bonus, ca, cb, ea, eb, ta, tb = s
        if 0 < bonus < self.bmin:
            return NEG
        if ca == 0 and cb == 0:
            return NEG  # no_months_planned
        for c, p in ((ca, self.pa), (cb, self.pb)):
            if p is not None and (0 < c < 2 or c < p.min_count):
                return NEG
        if not (ea and eb):
            return NEG
        extra = self.pa.income_cents(ta) if ta else 0
        if tb and self.pb is not None:
            extra += self.pb.income_cents(tb)
        return extra

    def value(self, m: int, s: State) -> int:
        """Best total of Lebensmonate m..32 from state s (NEG when no legal completion exists)."""
        memo = self.memo[m]
        got = memo.get(s)
        if got is not None:
            return got
        if m == END:
            best = self.terminal(s)
        else:
            best = NEG
            for x in self.actions[m]:
                nxt = self.step(m, s, x)
                if nxt is None:
                    continue
                v = self.value(nxt[0], nxt[1])
                if v > NEG and v + x.cents > best:
                    best = v + x.cents
        memo[s] = best
        return best

    # --- the top N ---------------------------------------------------------------------
    def best(self, top: int, max_pops: int = 20_000) -> Ergebnis:
        """The ``top`` best plans, best first, each a distinct sequence of months."""
        root = self.root()
        v0 = self.value(1, root)
        plans: list[tuple[int, dict[str, str]]] = []
        if v0 <= NEG:
            return Ergebnis(plans, self.states())
        counter = 0
        heap: list[tuple[int, int, int, int, State, int, tuple[Aktion, ...]]] = [(-v0, -1, 0, 1, root, 0, ())]
        pops = 0
        while heap and len(plans) < top and pops < max_pops:
            _, _, _, m, s, g, path = heapq.heappop(heap)
            pops += 1
            if m == END:
                months = self.months(path)
                if self.accept is None or self.accept(months):
                    plans.append((g + self.terminal(s), months))
                continue
            for x in self.actions[m]:
                nxt = self.step(m, s, x)
                if nxt is None:
                    continue
                v = self.value(nxt[0], nxt[1])
                if v <= NEG:
                    continue
                counter += 1
                heapq.heappush(heap, (-(g + x.cents + v), -nxt[0], counter, nxt[0], nxt[1], g + x.cents, path + (x,)))
        return Ergebnis(plans, self.states(), complete=len(plans) >= top or not heap)

    def months(self, path: tuple[Aktion, ...]) -> dict[str, str]:
        """The plan as case-format strings, trailing months without Elterngeld left out."""
        out = {self.pa.pid: "".join(CODE[x.a] for x in path).rstrip("-")}
        if self.pb is not None:
            out[self.pb.pid] = "".join(CODE[x.b] for x in path).rstrip("-")
        return out

    def states(self) -> int:
        return sum(len(d) for d in self.memo)

