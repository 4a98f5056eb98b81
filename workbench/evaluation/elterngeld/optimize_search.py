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
- ``ta``, ``tb``: counts of a tracked parent's income months per class and kind (§ 2 Abs. 3),
  one int each (:class:`~workbench.evaluation.elterngeld.optimize_state.Zaehler`).

The first nine are the *core* state; the rules look only at them. The counts only decide what
the tracked income months pay once the plan is complete, so the dynamic programme keeps them
out of its memo where it can (exactly, see ``docs/optimizer.md``):

- one tracked parent, the *forward* one, has its counts so far in the memo key only while it
  still has tracked months ahead; after its last one they are priced at once and dropped, so
  the states of the later months merge again;
- the other, the *backward* one, is never in the key: ``_table(m, core, tf)`` maps the counts
  the months m..32 *add* for it to the best total of those months (forward parent priced), and
  the value of a state is the best entry plus the price of its counts so far plus those added.

Continuity after month 14 (§ 4 Abs. 1 Satz 3, from month 15–19 after an early birth, § 4 Abs. 5)
needs no state: a month from then on in which nobody takes Elterngeld ends the plan, and the
rest of the months are checked to allow "none". The maternity months are fixed by the allowed
kinds. ``value(m, s)`` is the best total of months m..32 from state s; the top N are found
best-first with ``value`` as an exact bound, so every plan popped complete is the next best.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from workbench.evaluation.elterngeld.optimize_model import CODE, UNITS, ElternteilModell, Modell, Preise, cents
from workbench.evaluation.elterngeld.optimize_state import END, NEG, Aktion, Ergebnis, Walk, Zaehler
from workbench.money import ZERO
from workbench.rules.elterngeld.plan import BASIS, BONUS, LEBENSMONATE, NONE, PLUS

TIE_ORDER = (BASIS, PLUS, BONUS, NONE)
"""Among plans of equal value the search returns first those that take months early and as Basis."""
Core = tuple[int, int, int, int, int, int, int, int, int]
State = tuple[int, int, int, int, int, int, int, int, int, int, int]
Move = tuple[int, int, int, int, Core]
"""One legal transition of the core state: cents, forward and backward count steps, next month, next core."""


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
        self.za, self.zb = Zaehler(self.pa if self.pa.tracked else None), Zaehler(self.pb if self.pb and self.pb.tracked else None)
        self.forward_a = self._forward_is_a()
        self.fwd, self.bwd = (self.za, self.zb) if self.forward_a else (self.zb, self.za)
        self.limit_a = 2 * lim.per_parent
        self.limit_b = 2 * lim.per_parent if self.pb else 0
        self.limit_t = 2 * lim.total_basis
        self.bmin, self.bmax = lim.bonus_min, lim.bonus_max
        self.done = lim.bonus_max + 1
        self.cont_from = lim.continuous_from
        self.cap_a = max(2, self.pa.min_count, self.pa.max_count or 0)
        self.cap_b = max(2, self.pb.min_count, self.pb.max_count or 0) if self.pb else 0
        # a parent without max_months or earliest return only counts months (the common case, kept fast)
        self.free_a = self.pa.max_count is None and self.pa.earliest is None
        self.free_b = self.pb is None or (self.pb.max_count is None and self.pb.earliest is None)
        n = END + 1
        # household objective: a month without Elterngeld from ``cont_from`` on ends the plan (below), so
        # that action also earns what the months after it bring without Elterngeld (pay from work)
        self.tail_none = [0] * (n + 1)
        for m in range(LEBENSMONATE, 0, -1):
            self.tail_none[m] = self.tail_none[m + 1] + (self._none_extra(m) if model.household else 0)
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
        self.oriented = [[(x, x.cents, *((x.da, x.db) if self.forward_a else (x.db, x.da))) for x in acts]
                         for acts in self.actions]
        self.moves: list[dict[Core, list[Move]]] = [{} for _ in range(n)]
        self.memo: list[dict[tuple[Core, int], dict[int, int]]] = [{} for _ in range(n)]
        self.tracked = bool(self.za.weights or self.zb.weights)
        self.plain: list[dict[Core, int]] = [{} for _ in range(n)]
        self._values: dict[tuple[int, State], int] = {}

    def _forward_is_a(self) -> bool:
        """Which tracked parent goes forward (counts in the memo key) and which backward (counts in the
        table): a single tracked parent goes backward; of two, the split with the smaller estimated
        number of (state, count) pairs summed over the months."""
        if not self.zb.weights:
            return True
        if not self.za.weights:
            return False

        def cost(fwd: Zaehler, bwd: Zaehler) -> int:
            return sum((fwd.spread(m)[0] if m <= fwd.last else 1) * bwd.spread(m)[1] for m in range(1, END))

        return cost(self.za, self.zb) <= cost(self.zb, self.za)

    # --- actions -----------------------------------------------------------------------
    def _none_extra(self, m: int) -> int:
        """What month m brings the household when neither parent takes Elterngeld (0 if that is not allowed)."""
        pa, pb = self.pa, self.pb
        return pa.extra.get((m, NONE), 0) + (pb.extra.get((m, NONE), 0) if pb else 0)

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
                da, db = self.za.unit(m, ka), self.zb.unit(m, kb)
                eg = (0 if ka == NONE or da else pa.month_cents[(m, ka)]) + \
                     (0 if kb == NONE or db or pb is None else pb.month_cents[(m, kb)])
                work = pa.extra[(m, ka)] + (pb.extra[(m, kb)] if pb else 0)
                deferred = bool(da or db)
                floor = self.m.min_household_cents
                # A tracked month's amount is only known at the end; without income after the birth a
                # month pays the most (the amount falls with the income, § 2 Abs. 3), so that bound
                # can already rule the action out and the exact check follows on the complete plan.
                most = eg + (_most(pa.preise, m, ka) if da else 0) + (_most(pb.preise, m, kb) if pb and db else 0)
                ok = (floor is None or (ka == NONE and kb == NONE) or most + work >= floor)
                if not ok:
                    continue
                earned = eg + extra + (work if self.m.household else 0)
                if self.m.household and ka == kb == NONE and m >= self.cont_from:
                    earned += self.tail_none[m + 1]
                out.append(Aktion(ka, kb, earned, UNITS[ka], UNITS[kb], ka == kb == BASIS,
                                  ka == BONUS or kb == BONUS, ka != NONE, kb != NONE, da, db, ok,
                                  deferred and floor is not None))
        return out

    # --- states ------------------------------------------------------------------------
    def root(self) -> State:
        core = self._canon(0, self.limit_a, self.limit_b, self.limit_t, 0, 0, 0, 0,
                           0 if self.pa.earliest else 1, 0 if self.pb and self.pb.earliest else 1)
        return core + (0, 0)

    def _canon(self, m: int, ra: int, rb: int, rt: int, simul: int, bonus: int, ca: int, cb: int,
               ea: int, eb: int) -> Core:
        """The core state before month m + 1, with everything that cannot matter any more merged."""
        nxt = m + 1
        ra = min(ra, self.pot_a[nxt])
        rb = min(rb, self.pot_b[nxt])
        rt = min(rt, ra + rb)
        if nxt > self.m.simultaneous_until:
            simul = 0
        if bonus == self.done and not self.bonus_later[nxt]:
            bonus = 0
        return (ra, rb, rt, simul, bonus, ca, cb, ea, eb)

    @staticmethod
    def _take(p: ElternteilModell, m: int, count: int, earliest_met: int, cap: int) -> tuple[int, int] | None:
        """One parent takes Elterngeld in month m: months taken and earliest return (None past max_months)."""
        if p.max_count is not None and count >= p.max_count:
            return None
        if p.earliest is not None and m >= p.earliest - 1:
            earliest_met = 1
        return min(count + 1, cap), earliest_met

    def _core_step(self, m: int, core: Core, x: Aktion) -> tuple[int, Core] | None:
        """The month after month m and its core state, or None when the action breaks a rule."""
        ra, rb, rt, simul, bonus, ca, cb, ea, eb = core
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
        if x.takes_a:
            if self.free_a:
                ca = ca + 1 if ca < self.cap_a else ca
            else:
                took = self._take(self.pa, m, ca, ea, self.cap_a)
                if took is None:
                    return None
                ca, ea = took
        if x.takes_b and self.pb is not None:
            if self.free_b:
                cb = cb + 1 if cb < self.cap_b else cb
            else:
                took = self._take(self.pb, m, cb, eb, self.cap_b)
                if took is None:
                    return None
                cb, eb = took
        if m >= self.cont_from and not (x.takes_a or x.takes_b):
            # § 4 Abs. 1 Satz 3: from here on no further month; the plan ends now.
            if not self.none_ok_from[m + 1]:
                return None
            return END, self._canon(LEBENSMONATE, ra, rb, rt, simul, bonus, ca, cb, ea, eb)
        return m + 1, self._canon(m, ra, rb, rt, simul, bonus, ca, cb, ea, eb)

    def step(self, m: int, s: State, x: Aktion) -> tuple[int, State] | None:
        """The month after month m and its state, or None when the action breaks a rule."""
        nxt = self._core_step(m, s[:9], x)
        if nxt is None:
            return None
        return nxt[0], nxt[1] + (s[9] + x.da, s[10] + x.db)

    def _ends_legally(self, core: Core) -> bool:
        """Whether a plan that ends in this core state keeps the rules checked at the end."""
        _, _, _, _, bonus, ca, cb, ea, eb = core
        if 0 < bonus < self.bmin:
            return False
        if ca == 0 and cb == 0:
            return False  # no_months_planned
        for c, p in ((ca, self.pa), (cb, self.pb)):
            if p is not None and (0 < c < 2 or c < p.min_count):
                return False
        return bool(ea and eb)

    def terminal(self, s: State) -> int:
        """What the finished plan adds (tracked income months), or NEG when a rule or constraint fails."""
        if not self._ends_legally(s[:9]):
            return NEG
        return self.za.price(s[9]) + self.zb.price(s[10])

    def _moves(self, m: int, core: Core) -> list[Move]:
        """The legal transitions of a core state in month m (computed once per core state)."""
        got = self.moves[m].get(core)
        if got is None:
            got = []
            step = self._core_step
            for x, gain, df, db in self.oriented[m]:
                nxt = step(m, core, x)
                if nxt is not None:
                    got.append((gain, df, db, nxt[0], nxt[1]))
            self.moves[m][core] = got
        return got

    def _table(self, m: int, core: Core, tf: int) -> dict[int, int]:
        """Best total of months m..32 from (core, forward counts ``tf``), per count the backward parent adds
        in them; the forward parent's income months are priced in. Empty: no legal completion."""
        key = (core, tf)
        got = self.memo[m].get(key)
        if got is not None:
            return got
        out: dict[int, int] = {}
        if m == END:
            if self._ends_legally(core):
                out[0] = 0
        else:
            last = self.fwd.last
            memo = self.memo
            best_of = out.get
            for gain, df, db, m2, core2 in self._moves(m, core):
                t2 = tf + df
                if t2 and m2 > last:
                    gain += self.fwd.price(t2)  # the forward counts are final: priced, and out of the key
                    t2 = 0
                child = memo[m2].get((core2, t2))
                if child is None:
                    child = self._table(m2, core2, t2)
                for added, v in child.items():
                    added += db
                    v += gain
                    if v > best_of(added, NEG):
                        out[added] = v
        self.memo[m][key] = out
        return out

    def _best(self, m: int, core: Core) -> int:
        """Best total of months m..32 from a core state when no parent is tracked (NEG: no legal completion)."""
        got = self.plain[m].get(core)
        if got is not None:
            return got
        best = NEG
        if m == END:
            if self._ends_legally(core):
                best = 0
        else:
            memo, step = self.plain, self._core_step
            for x in self.actions[m]:
                nxt = step(m, core, x)
                if nxt is None:
                    continue
                v = memo[nxt[0]].get(nxt[1])
                if v is None:
                    v = self._best(nxt[0], nxt[1])
                if v > NEG and v + x.cents > best:
                    best = v + x.cents
        self.plain[m][core] = best
        return best

    def value(self, m: int, s: State) -> int:
        """Best total of Lebensmonate m..32 from state s (NEG when no legal completion exists)."""
        got = self._values.get((m, s))
        if got is not None:
            return got
        tf, tb = (s[9], s[10]) if self.forward_a else (s[10], s[9])
        base = 0
        if m > self.fwd.last:
            base, tf = self.fwd.price(tf), 0
        if not self.tracked:
            best = self._best(m, s[:9])
            self._values[(m, s)] = best
            return best
        best = NEG
        bwd = self.bwd
        for added, v in self._table(m, s[:9], tf).items():
            total = v + base + bwd.price(tb + added)
            if total > best:
                best = total
        self._values[(m, s)] = best
        return best

    # --- the top N ---------------------------------------------------------------------
    def best(self, top: int, max_pops: int = 20_000) -> Ergebnis:
        """The ``top`` best plans, best first, each a distinct sequence of months."""
        walk = self.walk(max_pops)
        plans = list(itertools.islice(walk, top))
        return Ergebnis(plans, self.states(), complete=len(plans) >= top or walk.exhausted)

    def walk(self, max_pops: int = 20_000) -> Walk:
        """All legal plans best first, one at a time (a best-first walk with ``value`` as the exact bound)."""
        return Walk(self, max_pops)

    def months(self, path: tuple[Aktion, ...]) -> dict[str, str]:
        """The plan as case-format strings, trailing months without Elterngeld left out."""
        out = {self.pa.pid: "".join(CODE[x.a] for x in path).rstrip("-")}
        if self.pb is not None:
            out[self.pb.pid] = "".join(CODE[x.b] for x in path).rstrip("-")
        return out

    def states(self) -> int:
        """Values computed: one per (month, core state, forward counts) and count the backward parent adds."""
        return sum(max(1, len(t)) for d in self.memo for t in d.values()) + sum(len(d) for d in self.plain)



__all__ = ["END", "NEG", "Suche"]
