/// The month lengths of the proleptic Gregorian calendar, which TIMEX3 values and the dates of
/// the API are written in.
package enum GregorianCalendar {
    package static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
