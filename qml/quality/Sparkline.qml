pragma ComponentBehavior: Bound
import QtQuick
import Meshscope

// A small trend line; gaps (undefined values) are skipped.
Canvas {
    id: spark

    property var values: []
    property color lineColor: Theme.accent

    onValuesChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        const pts = []
        for (let i = 0; i < values.length; ++i)
            if (values[i] !== undefined && values[i] !== null) pts.push([i, Number(values[i])])
        if (pts.length < 1 || width < 4)
            return
        let lo = Infinity, hi = -Infinity
        for (const p of pts) { lo = Math.min(lo, p[1]); hi = Math.max(hi, p[1]) }
        if (hi - lo < 1e-9) { hi = lo + 1; lo = lo - 1 }
        const x = i => 2 + (width - 4) * i / Math.max(1, values.length - 1)
        const y = v => height - 3 - (height - 6) * (v - lo) / (hi - lo)
        ctx.strokeStyle = lineColor
        ctx.lineWidth = 1.5
        // A day without data breaks the line: a gap, never a line drawn across it.
        ctx.beginPath()
        ctx.moveTo(x(pts[0][0]), y(pts[0][1]))
        for (let k = 1; k < pts.length; ++k) {
            if (pts[k][0] === pts[k - 1][0] + 1)
                ctx.lineTo(x(pts[k][0]), y(pts[k][1]))
            else
                ctx.moveTo(x(pts[k][0]), y(pts[k][1]))
        }
        ctx.stroke()
        ctx.fillStyle = lineColor
        // A point with no neighbour would be invisible as a line: a dot.
        for (let k = 0; k < pts.length; ++k) {
            const alone = (k === 0 || pts[k - 1][0] !== pts[k][0] - 1) && (k === pts.length - 1 || pts[k + 1][0] !== pts[k][0] + 1)
            if (alone) { ctx.beginPath(); ctx.arc(x(pts[k][0]), y(pts[k][1]), 1.5, 0, 2 * Math.PI); ctx.fill() }
        }
        const last = pts[pts.length - 1]
        ctx.beginPath()
        ctx.arc(x(last[0]), y(last[1]), 2.5, 0, 2 * Math.PI)
        ctx.fill()
    }
}
