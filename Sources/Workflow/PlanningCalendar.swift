import Model

/// The dates a scaffolded municipality is planned with: an opening date some months
/// ahead, and weekly slots (Mondays) counted back from it.
public enum PlanningCalendar {
    /// Monday is 0 … Sunday is 6 (1970-01-01 was a Thursday).
    static func weekday(_ day: Day) -> Int { ((day.ordinal % 7) + 7 + 3) % 7 }

    static func adding(days: Int, to day: Day) -> Day { Day(ordinal: day.ordinal + days) }

    /// The first day of the month `months` after the month of `day`.
    static func firstOfMonth(_ day: Day, plus months: Int) -> Day {
        let index = day.year * 12 + (day.month - 1) + months
        return Day(year: index / 12, month: index % 12 + 1, day: 1)
    }

    static func lastOfMonth(_ day: Day, plus months: Int) -> Day {
        let first = firstOfMonth(day, plus: months)
        return Day(year: first.year, month: first.month, day: Day.daysIn(month: first.month, year: first.year))
    }

    static func firstMonday(onOrAfter day: Day) -> Day {
        adding(days: (7 - weekday(day)) % 7, to: day)
    }

    /// The planned opening of a municipality the expansion plan places in `wave`: `usual`
    /// (`defaultOpening`) when the wave holds it, else, for a wave that starts after it, the
    /// wave's first Monday; nil for a wave that ends before it (an earlier day would leave
    /// less time to recruit and train than the usual six months) or holds no Monday. An
    /// office that opens outside its wave is `expansion-opening-outside-wave`.
    public static func opening(in wave: ExpansionPlan.Wave, usual: Day) -> Day? {
        if wave.holds(usual) { return usual }
        guard let start = wave.start, usual < start else { return nil }
        let monday = firstMonday(onOrAfter: start)
        return wave.holds(monday) ? monday : nil
    }

    /// The default planned opening: the first Monday of the month six months after
    /// `asOf`, leaving time to recruit and train; August moves to September, and a
    /// Monday that is a public holiday in January (1st or 6th) to the next week.
    public static func defaultOpening(asOf: Day) -> Day {
        var month = firstOfMonth(asOf, plus: 6)
        if month.month == 8 { month = firstOfMonth(month, plus: 1) }
        var monday = firstMonday(onOrAfter: month)
        if monday.month == 1, monday.day == 1 || monday.day == 6 { monday = adding(days: 7, to: monday) }
        return monday
    }

    /// `count` weekly dates (Mondays), the last one in the week before `opening`.
    static func weeksBefore(_ opening: Day, count: Int) -> [Day] {
        let lastMonday = adding(days: -(weekday(opening) == 0 ? 7 : weekday(opening)), to: opening)
        return (0..<count).map { adding(days: -7 * (count - 1 - $0), to: lastMonday) }
    }
}
