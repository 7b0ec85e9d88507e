using Bogus;
using FamilyTime.Data.Identity;
using FamilyTime.Domain.Children;
using FamilyTime.Domain.People;
using FamilyTime.Domain.Plans;
using FamilyTime.Domain.Records;
using FamilyTime.Domain.Sessions;
using FamilyTime.Domain.Weeks;
using FamilyTime.Domain.Venues;

namespace FamilyTime.Web.Demo;

/// <summary>
/// Family-time plans for the demo children: most have an agreed plan with its 12 months of sessions, some a
/// draft, and some none yet, so the overdue lists have something true to show.
/// </summary>
internal sealed class DemoPlans(Faker f, DateOnly today, DateTime now, BankHolidays holidays, IReadOnlyDictionary<Guid, List<Venue>> venuesByArea)
{
    private static readonly string[] Activities = ["Board games and drawing", "Baking in the family room kitchen", "Football in the park next door", "Reading stories and bath-time play", "Lego and a snack together"];
    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Saturday];

    /// <summary>Plans for one family's children; returns the plans and the sessions to store.</summary>
    public (List<ContactPlan> Plans, List<FamilyTimeSession> Sessions) For(IReadOnlyList<Child> children, Guid areaId, ApplicationUser worker, string? supervisorId, bool alwaysAgree)
    {
        var plans = new List<ContactPlan>();
        var sessions = new List<FamilyTimeSession>();
        var venues = venuesByArea[areaId];
        foreach (var child in children)
        {
            if (!LegalStatusRules.AuthorityArrangesFamilyTime(child.LegalStatus))
            {
                continue;
            }
            var roll = alwaysAgree ? 1.0 : f.Random.Double();
            if (roll < 0.12)
            {
                continue; // no plan yet: overdue
            }
            var venue = f.PickRandom(venues);
            var room = f.PickRandom(venue.Rooms.ToList());
            var context = new PlanContext(child.KnownAs, child.DateOfBirth, child.CameIntoCareOn, child.LegalStatus, child.InCareProceedings, false,
                child.People.Select(p => new PlanPerson(p.Id, p.FullName, p.Relationship, p.NeedsInterpreter ? p.SpokenLanguage : null)).ToList(),
                venues.SelectMany(v => v.Rooms.Select(r => new VenueRoomChoice(v.Id, r.Id))).ToHashSet(), today);
            var plan = ContactPlan.Start(child.Id, context);
            var by = new Signature(worker.Id, worker.DisplayName, now);
            var supervised = child.LegalStatus == LegalStatus.Section20 ? ArrangementType.Facilitated : f.Random.Bool(0.75f) ? ArrangementType.Supervised : ArrangementType.Assessed;
            // Plans were agreed some weeks ago, so there is a little history to read, record and close off.
            var firstDay = Max(child.CameIntoCareOn, today.AddDays(-f.Random.Int(21, 49)));

            foreach (var parent in child.People.Where(p => RelationshipRules.IsParent(p.Relationship)))
            {
                if (parent.Relationship == Relationship.Father && f.Random.Bool(0.3f))
                {
                    plan.Consider(parent.Id, "He has not been in touch since the child came into care. We will write to him again and ask what he would like.", context, by);
                    continue;
                }
                var weekly = parent.Relationship == Relationship.Mother;
                Add(plan, context, by, new ArrangementDetails
                {
                    PersonIds = [parent.Id],
                    Purposes = child.InCareProceedings ? Purpose.Attachment | Purpose.ParentingAssessment : Purpose.Attachment | Purpose.Identity,
                    Type = supervised,
                    ReasonForSupervision = supervised == ArrangementType.Facilitated ? null
                        : "The court has asked for family time to be observed while the parenting assessment is carried out, and to keep everyone safe while concerns about the home are looked at.",
                    Form = FamilyTimeForm.FaceToFace,
                    Frequency = weekly ? FrequencyKind.Weekly : FrequencyKind.Fortnightly,
                    Days = new HashSet<DayOfWeek> { f.PickRandom(Weekdays) },
                    FirstDate = firstDay,
                    StartTime = new TimeOnly(f.PickRandom(10, 13, 15), f.PickRandom(0, 30)),
                    DurationMinutes = child.AgeOn(today) < 2 ? 60 : f.PickRandom(60, 90, 120),
                    VenueId = venue.Id,
                    RoomId = room.Id,
                    JourneyMinutes = f.Random.Int(10, 35),
                    SuggestedActivity = f.PickRandom(Activities),
                    SupervisorId = supervised == ArrangementType.Facilitated ? null : supervisorId,
                    InterpreterLanguage = parent.NeedsInterpreter ? parent.SpokenLanguage : null,
                    InterpreterForPersonId = parent.NeedsInterpreter ? parent.Id : null,
                    // A few need step-free access (only where the room has it, so the rota can still place them) and one
                    // in about eight must stay at its venue: both read from names already drawn, never a new random
                    // draw, so the rest of the demo stays as it was.
                    NeedsStepFreeAccess = room.Features.HasFlag(RoomFeatures.StepFree) && Stable(parent.FullName) % 5 == 0,
                    VenueFixed = weekly && Stable(child.KnownAs + parent.FullName) % 8 == 3,
                    RouteToLessSupervision = supervised == ArrangementType.Facilitated ? null
                        : $"When the parenting assessment is finished and {parent.FullName.Split(' ')[0]} has kept to the agreement at every session for three months, we will look at moving to family time that is supported rather than watched.",
                    RouteToLessSupervisionBy = supervised == ArrangementType.Facilitated ? null : today.AddMonths(3),
                    Transport = "Family time service driver",
                    Terms = new AgreementTerms("A healthy snack and a drink are welcome; no energy drinks.", "One small present on birthdays and at Christmas.",
                        "Games, books and drawing in the family room.", $"{parent.FullName.Split(' ')[0]} leads, with the worker's support when asked.",
                        "The child becoming very distressed, talk about the court case or about where the child lives, or anyone arriving under the influence of alcohol or drugs."),
                    ReviewEveryMonths = 3,
                    ChildsWishes = f.Random.Bool(0.5f) ? "I want to see Mum more and play games with her." : null,
                    // Without their words, the record says why the child could not be asked (no new random draw, so the rest of the demo stays as it was).
                    WishesNotAsked = child.AgeOn(today) < 4 ? WishesNotAsked.TooYoung : WishesNotAsked.Declined,
                });
            }
            var siblings = child.People.Where(p => RelationshipRules.IsBrotherOrSister(p.Relationship)).ToList();
            if (siblings.Count > 0)
            {
                Add(plan, context, by, new ArrangementDetails
                {
                    PersonIds = siblings.Select(s => s.Id).ToList(),
                    Purposes = Purpose.KeyRelationship | Purpose.Identity,
                    Type = ArrangementType.Facilitated,
                    Form = FamilyTimeForm.FaceToFace,
                    Frequency = FrequencyKind.Monthly,
                    FirstDate = NextSaturday(firstDay),
                    StartTime = new TimeOnly(11, 0),
                    DurationMinutes = 120,
                    VenueId = venue.Id,
                    RoomId = room.Id,
                    SuggestedActivity = "A trip to the park or the soft play centre",
                    Transport = "Each child's carers",
                    ReviewEveryMonths = 6,
                    ChildsWishes = child.AgeOn(today) < 4 ? null : "I like seeing my brothers and sisters. Can we go to the park?",
                    WishesNotAsked = WishesNotAsked.TooYoung,
                });
            }
            var grandparent = child.People.FirstOrDefault(p => p.Relationship == Relationship.Grandparent);
            if (grandparent is not null)
            {
                Add(plan, context, by, new ArrangementDetails
                {
                    PersonIds = [grandparent.Id],
                    Purposes = Purpose.KeyRelationship,
                    Type = ArrangementType.Unsupervised,
                    Form = FamilyTimeForm.VideoCall,
                    ReviewEveryMonths = 6,
                    ChildsWishes = child.AgeOn(today) < 4 ? null : "Video calls with Nan are fine. I would like to see her in person one day.",
                    WishesNotAsked = WishesNotAsked.TooYoung,
                });
            }
            if (roll >= 0.22 && plan.Agree(context, by).IsValid)
            {
                foreach (var a in plan.Arrangements)
                {
                    var changes = SessionPlanner.Plan(a, [], firstDay, holidays);
                    var made = changes.Add.Select(slot => new FamilyTimeSession(child.Id, a.Id, slot, worker.Id)).ToList();
                    sessions.AddRange(made);
                    History(child, a, made.Where(x => x.Date < today).ToList(), worker);
                    // This week's sessions were booked when its rota was published; next week's wait for the coordinator.
                    foreach (var s in made.Where(x => x.Date >= today && x.Date <= IsoWeek.Containing(today).Sunday && x.SupervisorId is not null))
                    {
                        s.BookFromRota(new SessionBooking(s.Date, s.StartTime, s.VenueId, s.RoomId, s.SupervisorId, null, null), now.AddDays(-3));
                    }
                }
                if (f.Random.Bool(0.5f))
                {
                    plan.ShareWithFamily(today);
                }
            }
            plans.Add(plan);
        }
        return (plans, sessions);
    }

    /// <summary>
    /// What became of the sessions already past: most took place and were recorded, a few were cancelled or
    /// missed, and the latest is left for its worker to record or close off.
    /// </summary>
    private void History(Child child, Arrangement a, List<FamilyTimeSession> past, ApplicationUser worker)
    {
        var at = now.AddDays(-1);
        foreach (var s in past.OrderBy(x => x.Date).SkipLast(1))
        {
            var roll = f.Random.Double();
            if (roll < 0.08)
            {
                s.Close(SessionStatus.CancelledByParent, "Mum phoned in the morning: she was unwell.", worker.Id, at, today);
            }
            else if (roll < 0.14)
            {
                s.Close(SessionStatus.ParentDidNotAttend, null, worker.Id, at, today);
            }
            else if (a.Type == ArrangementType.Unsupervised || a.Form != FamilyTimeForm.FaceToFace)
            {
                s.Close(SessionStatus.TookPlace, null, worker.Id, at, today);
            }
            else
            {
                var endedEarly = f.Random.Bool(0.08f);
                var (record, _) = ContactRecord.Submit(s.Id, child.Id, worker.Id, a.Type == ArrangementType.Assessed, new RecordContent
                {
                    AgeBand = AgeBands.For(child.AgeOn(s.Date)),
                    ParentArrivedAt = s.StartTime.AddMinutes(f.Random.Bool(0.2f) ? f.Random.Int(11, 25) : -f.Random.Int(0, 5)),
                    StartedAt = s.StartTime,
                    EndedAt = s.StartTime.AddMinutes(endedEarly ? s.DurationMinutes / 2 : s.DurationMinutes),
                    WhoAttended = "The family time worker and the family members in the plan.",
                    Interaction = f.PickRandom(Interactions),
                    Positives = "They laughed together over a game and said goodbye warmly.",
                    Concerns = endedEarly ? "The session was ended early." : null,
                    // The draw is made for every child so the demo's random sequence stays the same; a baby's template has no words.
                    ChildsWords = f.Random.Bool(0.5f) && AgeBands.AsksTheChild(AgeBands.For(child.AgeOn(s.Date))) ? "Can we do the puzzle again next time?" : null,
                    EndedEarly = endedEarly,
                    EndedEarlyReason = endedEarly ? "The child became very upset when the court case was talked about, and the worker ended the session." : null,
                    AssessedWarmth = a.Type == ArrangementType.Assessed ? "Warm greeting; comforted the child when they bumped their knee." : null,
                }, s.Date.AddMonths(3), new Signature(a.SupervisorId ?? worker.Id, "Family time worker", at));
                if (record is null)
                {
                    continue;
                }
                record.Acknowledge(worker.Id, at);
                if (f.Random.Bool(0.6f))
                {
                    record.Share(at);
                }
                s.MarkRecorded(at, endedEarly ? SessionStatus.EndedEarly : SessionStatus.TookPlace);
                Records.Add(record);
            }
        }
    }

    /// <summary>Records written for the history, to store with the sessions.</summary>
    public List<ContactRecord> Records { get; } = [];

    private static readonly string[] Interactions =
    [
        "They played a board game together. The parent let the child choose and helped them count the spaces.",
        "They read two picture books on the sofa. The child sat close and turned the pages.",
        "They built a tower with blocks and knocked it down, laughing each time.",
        "They shared the snack the parent brought and talked about school and the child's friends.",
    ];

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static void Add(ContactPlan plan, PlanContext context, Signature by, ArrangementDetails details)
    {
        var (_, errors) = plan.AddArrangement(details, context, null, by);
        if (!errors.IsValid)
        {
            throw new InvalidOperationException("Demo arrangement refused: " + string.Join("; ", errors.ByField.SelectMany(e => e.Value)));
        }
    }

    private static DateOnly NextSaturday(DateOnly from) => from.AddDays(((int)DayOfWeek.Saturday - (int)from.DayOfWeek + 7) % 7);

    /// <summary>A hash that is the same in every run (string.GetHashCode is not), for choices made from what is already drawn.</summary>
    private static int Stable(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & int.MaxValue;
}
