# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Anytime tree search for 3-stage guillotine cutting with stacks (ROADEF 2018).

A partial plan is built in cutting order: plates one after another, on a plate
1-strips from left to right, in a 1-strip 2-strips (rows) from bottom to top, in a
row 3-nodes from left to right. A move inserts the next item of one stack, in one of
its orientations, in one of five places: above the last piece in its 3-node (two
pieces, one 4-cut), to the right in the current row, in a new row above, in a new
1-strip, or on a new sheet (of any kind left in stock: full sheets, remnants). The
1-strip and the row grow with the items put in them, keeping every waste piece at 0
or at least ``min_waste``; a piece that would cover a defect is moved right past it
or raised above it.

The search is an iterative beam search: beams of width 1, 2, 4, … are run one after
another until the time limit, each from scratch, keeping the best plan; the last
run is as wide as the time left allows (run times are extrapolated), and when no
wider run would end in time, the time left goes to other settings of the guide,
each as wide as time allows: plans swing widely between guides. States of
the same depth (items inserted) are ranked by a guide built on the committed waste
(gaps narrower than every stack's next piece count at once, the open end of the
current row in part) and on the mean size of the pieces placed. Only the best
children are built: a move whose guide is known to be too high is not even placed.
Identical states are merged, and of states with the same pieces on the same
sheets, one whose used region holds another's (that leaves no gap to fix) is
dropped. A state starts a new sheet only when no piece fits its current one. It
stops early when the plan meets the area lower bound or when a beam held every
state. Without a time limit (widths up to ``max_beam``, the first guide only)
everything is deterministic: ties are broken by generation order, and ``seed``
only permutes the stacks' order.

The result is a :class:`~cutting.layout.Layout`, which
:func:`cutting.layout.to_nodes` turns into the challenge's node tree.
"""

import heapq
import math
import random
import time
from dataclasses import dataclass, field

from . import checker, treesearch
from ._glass import _lt
from .errors import CuttingError
from .layout import Layout, LayoutRow, LayoutSheet, LayoutStrip, Placement, to_nodes

# where a move puts its item
SAME_ROW = 0
NEW_ROW = 1
NEW_STRIP = 2
NEW_SHEET = 3
ON_TOP = 4  # above the last piece, in its 3-node

# the settings of the guide (see :func:`_rank`): the power of the mean piece
# area the waste rate is divided by, and the share of the current row's open end
# counted as waste. The first one's beams grow until the time limit; the others
# get the time no wider beam can use (plans swing widely between guides on one
# instance, but running every guide at every width leaves the large instances
# too narrow a beam: set A 1.506 × against 1.463 × at 60 s)
GUIDES = (
    (1.3, 0.5),
    (1.0, 0.5),
    (1.3, 0.25),
    (1.6, 0.5),
    (0.8, 0.5),
    (2.0, 0.5),
    (1.3, 1.0),
)


_GEOMETRY = (
    "plate",
    "closed",
    "width",
    "height",
    "x1p",
    "x1",
    "y2p",
    "y2",
    "x3",
    "rows",
    "lw",
    "lh",
    "frozen",
    "tops",
)


class _State:
    __slots__ = ("parent", "move", "pos", "sheet", "stock", "area") + _GEOMETRY

    def geometry(self):
        return tuple(getattr(self, name) for name in _GEOMETRY)


@dataclass
class Result:
    layout: Layout = None
    loss: int = None
    runs: list = field(default_factory=list)  # (beam, loss or None, seconds)
    elapsed: float = 0.0
    optimal: bool = False
    exhausted: bool = False
    timed_out: bool = False
    treesearch_loss: int = None  # PackingSolver's valid plan, when it ran
    treesearch_error: str = None  # why it gave no valid plan


class _Timeout(Exception):
    pass


def _clear(defects, x, y, w, h, axis, least):
    """Move a ``w`` × ``h`` rectangle at (``x``, ``y``) along ``axis`` (0: right,
    1: up) past the ``defects`` it covers, to at least ``least`` once moved: its
    new coordinate on that axis, or None after 20 tries."""
    for _attempt in range(20):
        hit = None
        for defect in defects:
            dx0, dy0, dx1, dy1 = defect
            if dx0 < x + w and x < dx1 and dy0 < y + h and y < dy1:
                end = defect[2 + axis]
                hit = end if hit is None else max(hit, end)
        if hit is None:
            return (x, y)[axis]
        moved = max(math.ceil(hit), least)
        if axis:
            y = moved
        else:
            x = moved
    return None


def _rank(closed, W, H, reach, last, guide, scale, area, x1p, x1, y0, y1, x3):
    """A child's guide, lower is better: the committed waste rate divided by a
    power (``guide[0]``) of the mean area of the pieces placed (``area`` /
    ``scale``), so that big pieces go first and small ones fill in. Committed
    are the closed sheets, the 1-strips left of ``x1p``, the rows under ``y0``
    and the current row up to ``x3``; the gaps narrower than ``reach`` (no next
    piece fits) and a share ``guide[1]`` of the current row's end (rarely filled
    to the end) count too."""
    power, weight = guide
    used = closed + x1p * H + (x1 - x1p) * y0 + (x3 - x1p) * (y1 - y0)
    gap = x1 - x3
    if gap > 0:
        used += (gap if gap < reach else weight * gap) * (y1 - y0)
    gap = H - y1
    if 0 < gap < reach:
        used += (x1 - x1p) * gap
    gap = W - x1
    if not last and 0 < gap < reach:
        used += gap * H
    return (used - area) / used * (scale / area) ** power


class Optimizer:
    """Plan ``instance`` (a :class:`cutting.instance.Instance`)."""

    pending_penalty = 2.0
    dominance = True
    guides = GUIDES
    # PackingSolver beside the beam search (see :meth:`solve`) from this time
    # limit on. The beam search plans first for this share of it, then leaves
    # both cores to PackingSolver (whose plans were better on every instance of
    # set A at 60 s where it found one), unless PackingSolver has no plan by the
    # patience share: then the beam search takes the rest (the largest batches)
    treesearch_min_time = 5.0
    beam_share = 0.1
    treesearch_patience = 0.7

    def __init__(self, instance, seed=0):
        self.instance = instance
        self.params = params = instance.params
        self.cut = params.cut_width
        self.sheets = instance.sheet_types()
        if not instance.items:
            raise CuttingError("empty", _lt("There are no pieces to cut."))
        stacks = {}
        for item in sorted(instance.items, key=lambda it: (it.stack, it.sequence)):
            stacks.setdefault(item.stack, []).append(item)
        order = sorted(stacks)
        if seed:
            random.Random(seed).shuffle(order)
        self.stacks = [stacks[key] for key in order]
        # per stack, per position: the item's orientations as (w, h) with the cut
        self.shapes = []
        cut = self.cut
        for stack in self.stacks:
            shapes = []
            for item in stack:
                w, h = item.length + cut, item.width + cut
                options = [(w, h, False)]
                if item.rotatable and w != h:
                    options.append((h, w, True))
                fits = [
                    (a, b, r)
                    for a, b, r in options
                    if any(self._fits_sheet(a, b, sheet) for sheet in self.sheets)
                ]
                if not fits:
                    raise CuttingError(
                        "too_big",
                        _lt(
                            "Piece %(item)s (%(length)s × %(width)s mm) is larger "
                            "than every sheet."
                        ),
                        item=item.id,
                        length=item.length,
                        width=item.width,
                    )
                shapes.append(tuple(options))
            self.shapes.append(shapes)
        # per stack and position: the item's smaller side (a gap narrower than
        # every stack's next item is taken as waste)
        self.side_min = [
            [min(a, b) for (a, b, _r), *_rest in shapes] + [10**9]
            for shapes in self.shapes
        ]
        self.item_area = sum(
            (item.length + cut) * (item.width + cut) for item in instance.items
        )
        self.real_area = sum(item.area for item in instance.items)
        self.count = len(instance.items)
        self.defects = {}
        for defect in instance.defects:
            self.defects.setdefault(defect.plate, []).append(
                (
                    defect.x - params.trim,
                    defect.y - params.trim,
                    defect.x - params.trim + defect.width,
                    defect.y - params.trim + defect.height,
                )
            )
        self.lower_bound = self._lower_bound()
        self._tuning = self.guides[0]
        self._spot_cache = {}

    # -- helpers ---------------------------------------------------------------

    def _fits_sheet(self, w, h, sheet):
        usable_w, usable_h = self._usable(sheet)
        return w <= min(usable_w, self.params.max1cut) and h <= usable_h

    def _usable(self, sheet):
        trim = 2 * sheet.trim
        return sheet.width - trim, sheet.height - trim

    def _lower_bound(self):
        """No plan wastes less: the last sheet is used in whole columns."""
        if len(self.sheets) != 1:
            return 0
        height = self._usable(self.sheets[0])[1]
        return height * math.ceil(self.item_area / height) - self.item_area

    def _spots(self, plate, x, y, w, h, base):
        """Where a ``w`` × ``h`` piece meant for (``x``, ``y``) can go clear of the
        plate's defects: there, or moved right past them (a waste 3-node of at
        least ``min_waste`` from ``base``), or raised above them (a waste under
        it, in its 3-node): ``(x, y, raised)`` tuples."""
        defects = self.defects.get(plate)
        if not defects:
            return ((x, y, False),)
        key = (plate, x, y, w, h, base)
        result = self._spot_cache.get(key)
        if result is None:
            result = self._spot_cache[key] = self._find_spots(
                defects, plate, x, y, w, h, base
            )
        return result

    def _find_spots(self, defects, plate, x, y, w, h, base):
        if not any(
            dx0 < x + w and x < dx1 and dy0 < y + h and y < dy1
            for dx0, dy0, dx1, dy1 in defects
        ):
            return ((x, y, False),)
        result = []
        shifted = self._shift(plate, x, y, w, h, base)
        if shifted is not None:
            result.append((shifted, y, False))
        raised = _clear(defects, x, y, w, h, 1, y + self.params.min_waste)
        if raised is not None:
            result.append((x, raised, True))
        return result

    def _shift(self, plate, x, y, w, h, base):
        """The first x >= ``x`` where a ``w`` × ``h`` item at height ``y`` meets no
        defect, leaving 0 or at least ``min_waste`` from ``base``."""
        defects = self.defects.get(plate)
        if not defects:
            return x
        return _clear(defects, x, y, w, h, 0, base + self.params.min_waste)

    # -- search ----------------------------------------------------------------

    def solve(
        self,
        time_limit=60.0,
        max_beam=None,
        start_beam=1,
        growth=2.0,
        progress=None,
        guides=None,
        treesearch=None,
    ):
        """Search until ``time_limit`` seconds (``None``: until ``max_beam``).

        Beams of the first guide of :attr:`guides` grow ``growth`` times wider
        from one run to the next. When the next width would not end in time,
        the time left goes to the other guides (the first ``guides`` of them,
        ``None``: all), each as wide as the time left allows.
        ``progress(fraction, loss)``, when given, is called after each run with the
        share of the time limit spent and the best loss so far.

        With ``treesearch`` (``None``: when PackingSolver is installed and the
        time limit is at least :attr:`treesearch_min_time`), PackingSolver's
        tree search (:mod:`cutting.treesearch`) runs in a thread for the whole
        time limit; the beam search runs for :attr:`beam_share` of it, then
        waits, and goes on only when PackingSolver still has no plan at
        :attr:`treesearch_patience` of it. Of the two plans, the one the
        independent checker finds valid with the smaller loss wins.
        """
        if time_limit is not None and time_limit <= 0:
            raise CuttingError(
                "time",
                _lt("The time limit must be positive, got %(limit)s s."),
                limit=time_limit,
            )
        tunings = list(self.guides[: guides or len(self.guides)])
        started = time.monotonic()
        search = self._start_treesearch(time_limit, treesearch)
        deadline = self._beam_deadline(search, started, time_limit)
        result = Result()
        self._tuning = tunings.pop(0)
        beam = start_beam
        while beam is not None:
            if self._run(result, beam, deadline, started, time_limit, progress):
                resumes = self._beam_resumes(
                    result, search, started, time_limit, progress
                )
                if not resumes:
                    break
            elif max_beam is not None and beam >= max_beam:
                break
            deadline = self._beam_deadline(search, started, time_limit)
            beam = self._next_width(result.runs, growth, deadline, tunings)
            if beam is None and search is not None:
                # the beam search's share is spent
                deadline = self._beam_deadline(
                    search, started, time_limit, result, progress, spent=True
                )
                beam = self._next_width(result.runs, growth, deadline, tunings)
            result.timed_out = beam is None
        if search is not None and not result.optimal:
            self._take_treesearch(result, search, started, time_limit, progress)
            if progress is not None:
                progress(1.0, result.loss)
        if result.layout is None:
            raise CuttingError(
                "no_plan",
                _lt(
                    "No cutting plan was found with the sheets in stock; add sheets "
                    "or allow more time."
                ),
            )
        result.layout.optimal = result.optimal
        result.elapsed = time.monotonic() - started
        return result

    def _start_treesearch(self, time_limit, wanted):
        """PackingSolver's search, started, or None."""
        if wanted is None:
            wanted = time_limit is not None and time_limit >= self.treesearch_min_time
        if not wanted or time_limit is None or not treesearch.available():
            return None
        try:
            return treesearch.Search(self).start(max(1.0, time_limit - 1.0))
        except ValueError:  # an instance it does not take (defects on mixed sheets)
            return None

    def _next_width(self, runs, growth, deadline, tunings):
        """The next run's width (None: no run ends in time). When the current
        guide cannot widen, the time left goes to the next of ``tunings``: the
        same or a narrower width finds other plans."""
        beam = self._next_beam(runs, growth, deadline)
        if tunings and (beam is None or beam <= runs[-1][0]):
            beam = self._next_beam(runs, 1.0, deadline, narrower=True)
            if beam is not None:
                self._tuning = tunings.pop(0)
        return beam

    def _beam_deadline(
        self, search, started, time_limit, result=None, progress=None, spent=False
    ):
        """When the beam search stops. Alone, at the time limit. Beside
        PackingSolver, after :attr:`beam_share` of it; once that share is spent
        (or with ``spent``), it waits for PackingSolver's first plan until
        :attr:`treesearch_patience` of the time limit, and takes the rest of the
        time only when none came (on the largest batches PackingSolver's first
        plan comes late, or never)."""
        if time_limit is None:
            return None
        if search is None:
            return started + time_limit
        share = started + time_limit * self.beam_share
        if not spent and time.monotonic() < share:
            return share
        patience = started + time_limit * self.treesearch_patience
        self._wait(search, patience, started, time_limit, result, progress, first=True)
        return share if search.found else started + time_limit

    def _beam_resumes(self, result, search, started, time_limit, progress):
        """Whether the beam search goes on after a run cut short at the end of
        its share, PackingSolver having no plan (that run is dropped: it is run
        again with the rest of the time)."""
        if search is None or not result.timed_out or result.optimal:
            return False
        deadline = self._beam_deadline(
            search, started, time_limit, result, progress, spent=True
        )
        if deadline <= time.monotonic():
            return False
        result.runs.pop()
        return True

    @staticmethod
    def _wait(search, until, started, time_limit, result, progress, first=False):
        """Wait for ``search`` to end (with ``first``: to find a plan) until
        ``until``, reporting progress every second."""
        while time.monotonic() < until and not (first and search.found):
            if search.wait(min(1.0, until - time.monotonic()), first=first):
                break
            if progress is not None:
                spent = (time.monotonic() - started) / time_limit
                progress(min(1.0, spent), result.loss if result else None)

    def _take_treesearch(self, result, search, started, time_limit, progress):
        """Wait for ``search`` and keep its plan when the checker finds it valid
        and better."""
        # PackingSolver ends at its own time limit; a few seconds more for a
        # slow machine, then its plan so far
        end = started + time_limit + 5.0
        self._wait(search, end, started, time_limit, result, progress)
        plan = search.layout()
        result.treesearch_error = search.error
        if plan is None:
            return
        report = checker.check(self.instance, to_nodes(plan, self.params))
        if not report.valid:
            result.treesearch_error = "; ".join(report.errors[:3])
            return
        result.treesearch_loss = plan.loss = report.loss
        if result.loss is None or report.loss < result.loss:
            result.loss = report.loss
            result.layout = plan
            result.optimal = report.loss <= self.lower_bound

    def _run(self, result, beam, deadline, started, time_limit, progress):
        """One beam run of width ``beam`` with the current guide; whether the
        search is over (timed out, optimal or exhausted)."""
        run_start = time.monotonic()
        try:
            # the first, narrowest run always ends: there is always a plan
            state = self._beam_search(
                beam,
                deadline if result.runs else None,
                strict=not result.runs,
            )
        except _Timeout:
            result.timed_out = True
            result.runs.append((beam, None, time.monotonic() - run_start))
            return True
        loss = None
        if state is not None:
            loss = self._final_loss(state)
            if result.loss is None or loss < result.loss:
                result.loss = loss
                result.layout = self._layout(state, loss, beam)
        result.runs.append((beam, loss, time.monotonic() - run_start))
        if progress is not None:
            spent = (time.monotonic() - started) / time_limit if time_limit else 0
            progress(min(1.0, spent), result.loss)
        if result.loss is not None and result.loss <= self.lower_bound:
            result.optimal = True  # the lower bound is met
            return True
        if not self._truncated:
            # the beam held every state, whatever the guide: no wider run
            result.exhausted = True
            return True
        return False

    def _next_beam(self, runs, growth, deadline, narrower=False):
        """The next run's width: ``growth`` times the last one, or when that run
        would not end in time, as wide as the time left allows; None when no
        new width fits (run times grow as a power of the width, measured on
        the last two runs). With ``narrower`` (a run for another guide), any
        width of at least 8 that ends in time, even one already run."""
        last, _loss, seconds = runs[-1]
        wider = max(last + 1, int(last * growth))
        if deadline is None:
            return wider
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        power = 1.3
        if len(runs) > 1 and runs[-2][2] > 0.05 and runs[-2][0] != last:
            before, _loss, earlier = runs[-2]
            power = math.log(seconds / earlier) / math.log(last / before)
            power = min(max(power, 1.0), 1.6)
        seconds = max(seconds, 1e-3)
        if seconds * (wider / last) ** power <= left:
            return wider
        fits = int(last * (0.9 * left / seconds) ** (1 / power))
        if narrower:
            return fits if fits >= 8 else None
        if fits < 2 or fits in {beam for beam, _loss, _seconds in runs}:
            return None
        return fits

    def _final_loss(self, state):
        """The challenge's loss, on whole sheets (trim included) and true sizes."""
        sheet = self.sheets[state.sheet]
        return state.closed + sheet.height * (sheet.trim + state.x1) - self.real_area

    def _root(self):
        root = _State()
        root.parent = None
        root.move = None
        root.pos = (0,) * len(self.stacks)
        root.plate = -1
        root.sheet = -1
        root.stock = tuple(sheet.quantity for sheet in self.sheets)
        root.width = root.height = 0
        root.closed = 0
        root.x1p = root.x1 = root.y2p = root.y2 = root.x3 = 0
        root.rows = root.tops = ()
        root.lw = root.lh = 0
        root.frozen = False
        root.area = 0
        return root

    def _beam_search(self, beam, deadline, strict=False):
        """One beam run; ``strict`` keeps only states whose row and 1-strip could
        be closed as they are (never stuck: the first run always ends)."""
        self._truncated = False
        self._strict = strict
        self._deadline = deadline
        states = [self._root()]
        for _depth in range(self.count):
            if deadline is not None and time.monotonic() > deadline:
                raise _Timeout()
            self._depth = _depth + 1
            last = _depth == self.count - 1
            # the first run and the last depth filter the children afterwards
            limit = None if strict or last else 2 * beam + 2
            children = self._children(states, last, limit)
            if not children:
                return None
            states = self._select(states, children, beam)
        best = None
        for state in states:
            if best is None or self._final_loss(state) < self._final_loss(best):
                best = state
        return best

    def _select(self, parents, children, beam):
        """The ``beam`` best children as states, skipping duplicates and the
        children whose front is dominated by a better one's."""
        chosen = []
        seen = set()
        kept = {}  # (pos, stock, plate): the geometries chosen
        for child in children:
            _g, _n, index, stack, w, h, rotated, kind, x, y, sheet, geometry = child
            parent = parents[index]
            pos = list(parent.pos)
            pos[stack] += 1
            pos = tuple(pos)
            stock = parent.stock
            if kind == NEW_SHEET:
                stock = list(stock)
                stock[sheet] -= 1
                stock = tuple(stock)
            key = (pos, stock, geometry)
            if key in seen:
                continue
            seen.add(key)
            fronts = kept.setdefault((pos, stock, geometry[0]), [])
            if self.dominance and self._dominated(geometry, fronts):
                continue
            state = _State()
            state.parent = parent
            state.move = (stack, w, h, rotated, kind, x, y)
            state.pos = pos
            state.sheet = sheet
            state.stock = stock
            for name, value in zip(_GEOMETRY, geometry, strict=True):
                setattr(state, name, value)
            state.area = parent.area + w * h
            if (self._strict or self._depth == self.count) and not (
                self._strip_closes(state)
            ):
                continue
            chosen.append(state)
            fronts.append(geometry)
            if len(chosen) >= beam:
                self._truncated = True
                break
        return chosen

    def _dominated(self, geometry, fronts):
        """Whether a chosen state, with the same pieces on the same sheets, used
        no more of the sheet than ``geometry`` and leaves no gap to fix."""
        _plate, _closed, _w, _h, x1p, x1, y2p, y2, x3 = geometry[:9]
        frozen = geometry[12]
        mw = self.params.min_waste
        for other in fronts:
            ox1p, ox1, oy2p, oy2, ox3 = other[4:9]
            if ox1p == x1p:
                if not (
                    ox1 <= x1
                    and oy2p <= y2p
                    and oy2 <= y2
                    and ox3 <= x3
                    and (frozen or not other[12])
                ):
                    continue
            elif ox1 > x1p:
                continue
            if (
                (ox1 == ox3 or ox1 - ox3 >= mw)
                and all(ox1 == r or ox1 - r >= mw for r in other[9])
                and all(oy2 == t or oy2 - t >= mw for t in other[13])
            ):
                return True
        return False

    def _children(self, states, last, limit=None):
        """The moves from ``states``, as sorted tuples (guide first): all of them,
        or only the ``limit`` best (a child that cannot be among them is dropped
        as soon as its guide is known). A state starts a new sheet only when no
        piece fits its current one."""
        shapes = self.shapes
        stacks = range(len(shapes))
        side_min = self.side_min
        out = []
        self._limit = limit
        self._bound = math.inf
        self._order = 0
        self._scale = self._depth  # the guide's mean area: area / depth
        deadline = self._deadline
        for index, state in enumerate(states):
            if not index % 64 and deadline is not None:
                if time.monotonic() > deadline:
                    raise _Timeout()
            pos = state.pos
            # the next pieces' smallest side: narrower gaps are waste already
            reach = min((side_min[k][pos[k]] for k in stacks), default=0)
            seen_shapes = set()
            items = []
            for stack in stacks:
                p = pos[stack]
                if p >= len(shapes[stack]):
                    continue
                single = p == len(shapes[stack]) - 1
                for w, h, rotated in shapes[stack][p]:
                    if single:
                        # the last items of two stacks with one shape: one move
                        if (w, h) in seen_shapes:
                            continue
                        seen_shapes.add((w, h))
                    items.append((stack, w, h, rotated))
            self._fitted = False
            move = (index, state, reach, last)
            if state.plate >= 0:
                self._moves_on_sheet(out, move, items)
            # (the first run and the last depth filter their children later)
            if not self._fitted or limit is None:
                self._moves_new_sheet(out, move, items)
        if limit is None:
            out.sort()
            return out
        out.sort(reverse=True)
        return [child for _guide, _order, child in out]

    def _emit(self, out, move, item, kind, x, y, sheet, frame, front, rest):
        """Offer the child of ``move`` that puts ``item`` at (``x``, ``y``).

        ``frame`` is the new state's (plate, closed, W, H), ``front`` its
        (x1p, x1, y0, y1, x3) and ``rest`` (rows, row, lw, lh, frozen, tops,
        top): ``row`` and ``top``, when not None, are appended to ``rows`` and
        ``tops``. The child's geometry is only built when it is kept."""
        index, state, _reach, _last = move
        x1p, x1, y0, y1, x3 = front
        self._fitted = True
        guide = self._guide(move, item, frame, x1p, x1, y0, y1, x3)
        bound = self._bound
        if guide >= bound:
            self._truncated = True
            return
        rows, row, lw, lh, frozen, tops, top = rest
        if row is not None:
            rows += (row,)
        if top is not None:
            tops += (top,)
        mw = self.params.min_waste
        if not (
            (x1 == x3 or x1 - x3 >= mw)
            and all(x1 == r or x1 - r >= mw for r in rows)
            and all(y1 == t or y1 - t >= mw for t in tops)
        ):
            guide *= self.pending_penalty  # a gap still to be fixed
            if guide >= bound:
                self._truncated = True
                return
        self._order += 1
        child = (guide, self._order, index, *item, kind, x, y, sheet)
        child += (frame + front + (rows, lw, lh, frozen, tops),)
        limit = self._limit
        if limit is None:
            out.append(child)
            return
        # a heap of the best ``limit`` children, the worst on top
        entry = (-guide, -self._order, child)
        if len(out) < limit:
            heapq.heappush(out, entry)
            if len(out) == limit:
                self._bound = -out[0][0]
        else:
            heapq.heapreplace(out, entry)
            self._truncated = True
            self._bound = -out[0][0]

    def _guide(self, move, item, frame, x1p, x1, y0, y1, x3):
        """The guide of the child of ``move`` (see :func:`_rank`)."""
        _index, state, reach, last = move
        _plate, closed, W, H = frame
        area = state.area + item[1] * item[2]
        return _rank(
            closed, W, H, reach, last, self._tuning, self._scale, area,
            x1p, x1, y0, y1, x3,
        )  # fmt: skip

    def _row_closes(self, state):
        """Every piece of the current row leaves 0 or at least min_waste above."""
        mw, top = self.params.min_waste, state.y2
        return all(top == t or top - t >= mw for t in state.tops)

    def _strip_closes(self, state):
        """Every row of the current 1-strip leaves 0 or at least min_waste right."""
        mw, right = self.params.min_waste, state.x1
        return (
            right - state.x1p >= self.params.min1cut
            and (right == state.x3 or right - state.x3 >= mw)
            and all(right == x or right - x >= mw for x in state.rows)
            and self._row_closes(state)
        )

    def _fits_plate(self, state, right, top, last):
        """The pieces up to ``right`` and ``top`` leave 0 or ``min_waste``."""
        rest, above = state.width - right, state.height - top
        mw = self.params.min_waste
        return (
            rest >= 0
            and above >= 0
            and (not above or above >= mw)
            and (not rest or rest >= mw or last)
        )

    def _moves_on_sheet(self, out, move, items):
        """On top of the last piece, right of it, in a new row, in a new 1-strip.

        The gaps a row or a 1-strip leaves are checked when it is closed: a row
        may still grow, a 1-strip widen, until then."""
        _index, state, reach, last = move
        closed, W, H = state.closed, state.width, state.height
        frame = (state.plate, closed, W, H)
        x1p, x1, y2p, y2, x3 = state.x1p, state.x1, state.y2p, state.y2, state.x3
        tuning, scale = self._tuning, self._scale
        params = self.params
        max1, min2 = params.max1cut, params.min2cut
        lw, frozen = state.lw, state.frozen
        # a bound on the guides of each kind of move, whatever the piece: every
        # move commits the piece beyond what is committed already
        largest = max(w * h for _stack, w, h, _rotated in items)
        same_row = not self._hopeless(
            closed + x1p * H + (x1 - x1p) * y2p + (x3 - x1p) * (y2 - y2p),
            state.area,
            largest,
        )
        row_closes = self._row_closes(state) and not self._hopeless(
            closed + x1p * H + (x1 - x1p) * y2, state.area, largest
        )
        strip_closes = (
            row_closes
            and self._strip_closes(state)
            and not self._hopeless(closed + x1 * H, state.area, largest)
        )
        # each move is tried only when it may fit and its guide, as it is or
        # moved further right or up past a defect, may be among the best
        for item in items:
            _stack, w, h, _rotated = item
            area = state.area + w * h
            if w == lw:
                self._move_on_top(out, move, item)
            # right of the last piece, in the current row
            nx3, top = x3 + w, y2p + h
            nx1 = x1 if x1 > nx3 else nx3
            if (
                same_row
                and nx3 - x1p <= max1
                and nx1 <= W
                and top <= H
                and (top <= y2 or not frozen)
            ):
                if _rank(
                    closed, W, H, reach, last, tuning, scale, area,
                    x1p, nx1, y2p, y2 if y2 > top else top, nx3,
                ) < self._bound:  # fmt: skip
                    self._move_same_row(out, move, item, frame)
                else:
                    self._fitted = self._truncated = True
            if not row_closes or w > max1 or h < min2:
                continue
            # in a new row above
            nx3, top = x1p + w, y2 + h
            nx1 = x1 if x1 > nx3 else nx3
            if nx1 <= W and top <= H:
                if _rank(
                    closed, W, H, reach, last, tuning, scale, area,
                    x1p, nx1, y2, top, nx3,
                ) < self._bound:  # fmt: skip
                    self._move_new_row(out, move, item, frame)
                else:
                    self._fitted = self._truncated = True
            # in a new 1-strip
            nx3 = x1 + w
            if strip_closes and nx3 <= W and h <= H:
                if _rank(
                    closed, W, H, reach, last, tuning, scale, area,
                    x1, nx3, 0, h, nx3,
                ) < self._bound:  # fmt: skip
                    self._move_new_strip(out, move, item, frame)
                else:
                    self._fitted = self._truncated = True

    def _hopeless(self, committed, placed, largest):
        """Whether every child committing more than ``committed``, with pieces of
        at most ``largest`` area added to ``placed``, has too high a guide."""
        bound = self._bound
        if committed <= placed or bound == math.inf:
            return False
        low = (committed - placed) / (committed + largest)
        if low * (self._scale / (placed + largest)) ** self._tuning[0] < bound:
            return False
        self._truncated = True
        return True

    def _move_same_row(self, out, move, item, frame):
        """Right of the last piece, in the current row."""
        _index, state, _reach, last = move
        _stack, w, h, _rotated = item
        params = self.params
        mw, max1 = params.min_waste, params.max1cut
        plate, sheet = state.plate, state.sheet
        x1p, x1, y2p, y2, x3 = state.x1p, state.x1, state.y2p, state.y2, state.x3
        rows, tops, frozen = state.rows, state.tops, state.frozen
        for x, y, raised in self._spots(plate, x3, y2p, w, h, x3):
            nx3, top = x + w, y + h
            if nx3 - x1p > max1 or x - x3 and x - x3 < mw:
                continue
            if raised and top < y2:
                continue  # waste above and under it: two 4-cuts
            ny2 = max(y2, top)
            if ny2 > y2 and frozen:
                continue
            nx1 = max(x1, nx3)
            if self._fits_plate(state, nx1, ny2, last):
                front = (x1p, nx1, y2p, ny2, nx3)
                if raised:
                    rest = (rows, None, 0, h, True, tops, None)
                else:
                    rest = (rows, None, w, h, frozen, tops, top)
                self._emit(out, move, item, SAME_ROW, x, y, sheet, frame, front, rest)

    def _move_new_row(self, out, move, item, frame):
        """In a new row above the current one."""
        _index, state, _reach, last = move
        _stack, w, h, _rotated = item
        params = self.params
        max1, min2 = params.max1cut, params.min2cut
        plate, sheet = state.plate, state.sheet
        x1p, x1, y2, x3 = state.x1p, state.x1, state.y2, state.x3
        rows = state.rows
        for x, y, raised in self._spots(plate, x1p, y2, w, h, x1p):
            nx3, ny2 = x + w, y + h
            if nx3 - x1p > max1 or ny2 - y2 < min2:
                continue
            nx1 = max(x1, nx3)
            if self._fits_plate(state, nx1, ny2, last):
                front = (x1p, nx1, y2, ny2, nx3)
                if raised:
                    rest = (rows, x3, 0, h, True, (), None)
                else:
                    rest = (rows, x3, w, h, False, (), ny2)
                self._emit(out, move, item, NEW_ROW, x, y, sheet, frame, front, rest)

    def _move_new_strip(self, out, move, item, frame):
        """In a new 1-strip, right of the current one."""
        _index, state, _reach, last = move
        _stack, w, h, _rotated = item
        x1 = state.x1
        for x, y, raised in self._spots(state.plate, x1, 0, w, h, x1):
            right, top = x + w, y + h
            if (
                right - x1 <= self.params.max1cut
                and top >= self.params.min2cut
                and self._fits_plate(state, right, top, last)
            ):
                front = (x1, right, 0, top, right)
                if raised:
                    rest = ((), None, 0, h, True, (), None)
                else:
                    rest = ((), None, w, h, False, (), top)
                self._emit(
                    out, move, item, NEW_STRIP, x, y, state.sheet, frame, front, rest
                )

    def _move_on_top(self, out, move, item):
        """Above the last piece, in its 3-node: two pieces, one 4-cut."""
        _index, state, _reach, last = move
        _stack, w, h, _rotated = item
        x, y = state.x3 - w, state.y2p + state.lh
        top = y + h
        if (
            (top == state.y2 or (top > state.y2 and not state.frozen))
            and self._fits_plate(state, state.x1, top, last)
            and self._spots(state.plate, x, y, w, h, x)[0] == (x, y, False)
        ):
            frame = (state.plate, state.closed, state.width, state.height)
            front = (state.x1p, state.x1, state.y2p, top, state.x3)
            rest = (state.rows, None, 0, 0, True, state.tops[:-1], None)
            self._emit(out, move, item, ON_TOP, x, y, state.sheet, frame, front, rest)

    def _moves_new_sheet(self, out, move, items):
        """On a new sheet, of each kind left in stock."""
        _index, state, _reach, last = move
        params = self.params
        mw = params.min_waste
        plate = state.plate
        closed = state.closed
        if plate >= 0:
            rest = state.width - state.x1
            if 0 < rest < mw or not self._strip_closes(state):
                return  # the current sheet cannot be closed here
            closed += self.sheets[state.sheet].area
            largest = max(w * h for _stack, w, h, _rotated in items)
            if self._hopeless(closed, state.area, largest):
                return
        for kind, sheet in enumerate(self.sheets):
            if state.stock[kind] <= 0:
                continue
            W, H = self._usable(sheet)
            frame = (plate + 1, closed, W, H)
            for item in items:
                _stack, w, h, _rotated = item
                for x, y, raised in self._spots(plate + 1, 0, 0, w, h, 0):
                    right, top = x + w, y + h
                    above, rest = H - top, W - right
                    if (
                        right <= min(W, params.max1cut)
                        and above >= 0
                        and (not above or above >= mw)
                        and top >= params.min2cut
                        and (not rest or rest >= mw or last)
                    ):
                        front = (0, right, 0, top, right)
                        if raised:
                            rest = ((), None, 0, h, True, (), None)
                        else:
                            rest = ((), None, w, h, False, (), top)
                        self._emit(
                            out, move, item, NEW_SHEET, x, y, kind, frame, front, rest
                        )

    # -- result ----------------------------------------------------------------

    def _layout(self, state, loss, beam):
        moves = []
        while state.parent is not None:
            moves.append(state)
            state = state.parent
        moves.reverse()
        layout = Layout(loss=loss, beam=beam)
        cut = self.cut
        pos = [0] * len(self.stacks)
        sheet = strip = row = None
        for state in moves:
            stack, w, h, rotated, kind, x, y = state.move
            item = self.stacks[stack][pos[stack]]
            pos[stack] += 1
            if kind == NEW_SHEET:
                sheet = LayoutSheet(self.sheets[state.sheet])
                layout.sheets.append(sheet)
            if kind in (NEW_SHEET, NEW_STRIP):
                strip = LayoutStrip(state.x1p, state.x1)
                sheet.strips.append(strip)
            if kind in (NEW_SHEET, NEW_STRIP, NEW_ROW):
                row = LayoutRow(state.y2p, state.y2)
                strip.rows.append(row)
            strip.x1 = state.x1
            row.y1 = state.y2
            row.placements.append(Placement(item.id, x, y, w - cut, h - cut, rotated))
        return layout
