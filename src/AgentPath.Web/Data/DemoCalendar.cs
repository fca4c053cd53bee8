using System.Globalization;

namespace AgentPath.Web.Data;

/// <summary>
/// The demo's calendar: every title, month and "last month" of the demo call center named from the
/// center's today at seeding (<see cref="CenterClock"/>), so a demo seeded in December opens 12月业务考试
/// and shows 11月业务考试 as last month's. Seeds and tests name the demo's dated records through here.
/// </summary>
public static class DemoCalendar
{
    /// <summary>The center's today by the given clock.</summary>
    public static DateOnly Today(TimeProvider time) => CenterClock.DateOf(time.GetUtcNow());

    /// <summary>A month as the floor says it: 12月.</summary>
    public static string Month(DateOnly day) => day.Month.ToString(CultureInfo.InvariantCulture) + "月";

    /// <summary>月度业务考试 — this month's business exam, open at seeding for the floor.</summary>
    public static string ThisMonthsExam(DateOnly today) => Month(today) + "业务考试";

    /// <summary>Last month's business exam, closed, with graded attempts and the trainer's analysis.</summary>
    public static string LastMonthsExam(DateOnly today) => Month(today.AddMonths(-1)) + "业务考试";

    /// <summary>The paper an exam of the demo is drawn from.</summary>
    public static string PaperOf(string exam) => exam + "试卷";

    /// <summary>The week of its month a day falls in, as 第N周 counts it (days 1–7 are week 1).</summary>
    public static int WeekOfMonth(DateOnly day) => ((day.Day - 1) / 7) + 1;

    /// <summary>校准会 — the calibration session held on a day: 12月第1周校准会.</summary>
    public static string CalibrationSession(DateOnly day) =>
        $"{Month(day)}第{WeekOfMonth(day).ToString(CultureInfo.InvariantCulture)}周校准会";

    /// <summary>A second calibration session in the same week as another, told apart from it: 12月第1周校准会（二）.</summary>
    public static string SecondCalibrationSession(DateOnly day, DateOnly other) =>
        CalibrationSession(day) == CalibrationSession(other) ? CalibrationSession(day) + "（二）" : CalibrationSession(day);

    /// <summary>A month's 每月汇总性业务培训 review: 11月业务汇总培训.</summary>
    public static string MonthlyReview(DateOnly month) => Month(month) + "业务汇总培训";
}
