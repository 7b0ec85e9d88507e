using FamilyTime.Domain.Common;

namespace FamilyTime.Domain.Plans;

/// <summary>
/// The guidance's musts for one arrangement (issue 10): the child is always asked, supervision has a way out,
/// assessment needs a trained worker, and an interpreter is for a named person.
/// </summary>
public static class ArrangementRules
{
    /// <summary>The child's wishes are written down, or why they could not be asked (guidance section 1).</summary>
    public static void ValidateWishes(ArrangementDetails d, PlanContext c, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(errors);
        if (Text.Clean(d.ChildsWishes) is not null)
        {
            return;
        }
        if (d.WishesNotAsked is not { } why || !Enum.IsDefined(why))
        {
            errors.Add(nameof(ArrangementDetails.ChildsWishes), $"Write what {c.ChildName} says they want, or choose why they could not be asked");
        }
        else if (why == WishesNotAsked.Other && Text.Clean(d.WishesNotAskedWhy) is null)
        {
            errors.Add(nameof(ArrangementDetails.WishesNotAskedWhy), $"Say why {c.ChildName} could not be asked");
        }
    }

    /// <summary>Supervised and assessed family time say what would need to change, and by when (guidance section 7).</summary>
    public static void ValidateRouteToLessSupervision(ArrangementDetails d, PlanContext c, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(errors);
        if (d.Type is not { } type || !PlanWords.IsSupervisedOrAssessed(type))
        {
            return;
        }
        if (Text.Clean(d.RouteToLessSupervision) is null)
        {
            errors.Add(nameof(ArrangementDetails.RouteToLessSupervision),
                $"Say what would need to change for family time to be less {type.ToString().ToLowerInvariant()}: the parent reads this in their letter");
        }
        if (d.RouteToLessSupervisionBy is not { } by)
        {
            errors.Add(nameof(ArrangementDetails.RouteToLessSupervisionBy), "Enter the date by when this will be looked at again");
        }
        else if (by < c.Today)
        {
            errors.Add(nameof(ArrangementDetails.RouteToLessSupervisionBy), "The date to look at supervision again must be today or later");
        }
        else if (by > c.Today.AddMonths(ContactPlan.HorizonMonths))
        {
            errors.Add(nameof(ArrangementDetails.RouteToLessSupervisionBy), "Look at supervision again within the next 12 months");
        }
    }

    /// <summary>
    /// Assessed family time is observed by a worker trained to assess; a carer or family member may supervise
    /// other family time when they are named.
    /// </summary>
    public static void ValidateSupervisor(ArrangementDetails d, PlanContext c, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(errors);
        if (!Enum.IsDefined(d.SupervisedBy))
        {
            errors.Add(nameof(ArrangementDetails.SupervisedBy), "Choose who supervises or supports family time");
            return;
        }
        if (d.Type is not { } type || type == ArrangementType.Unsupervised)
        {
            return;
        }
        if (type == ArrangementType.Assessed)
        {
            if (d.SupervisedBy != SupervisedBy.Worker || Text.Clean(d.SupervisorId) is null)
            {
                errors.Add(nameof(ArrangementDetails.SupervisorId), "Assessed family time needs a worker trained to assess: choose them from the list");
            }
            else if (c.TrainedToAssess is { } trained && !trained.Contains(d.SupervisorId!.Trim()))
            {
                errors.Add(nameof(ArrangementDetails.SupervisorId), "The worker chosen is not trained to assess family time: choose a worker marked “trained to assess”");
            }
            return;
        }
        if (d.SupervisedBy != SupervisedBy.Worker && Text.Clean(d.SupervisorName) is null)
        {
            errors.Add(nameof(ArrangementDetails.SupervisorName),
                $"Enter the name of the {(d.SupervisedBy == SupervisedBy.Carer ? "carer" : "family member")} who supervises");
        }
    }

    /// <summary>An interpreter is for someone in the arrangement, and whoever needs one has one.</summary>
    public static void ValidateInterpreter(ArrangementDetails d, PlanContext c, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(errors);
        if (d.InterpreterForPersonId is { } forId)
        {
            if (!d.PersonIds.Contains(forId))
            {
                errors.Add(nameof(ArrangementDetails.InterpreterForPersonId), "The interpreter must be for someone this family time is with");
            }
            return;
        }
        if (Text.Clean(d.InterpreterLanguage) is not null)
        {
            errors.Add(nameof(ArrangementDetails.InterpreterForPersonId), "Choose who the interpreter is for");
            return;
        }
        var needing = c.People.FirstOrDefault(p => d.PersonIds.Contains(p.Id) && p.NeedsInterpreterFor is not null);
        if (needing is not null)
        {
            errors.Add(nameof(ArrangementDetails.InterpreterForPersonId),
                $"{needing.FullName} needs an interpreter for {needing.NeedsInterpreterFor}: choose them under “Interpreter for”");
        }
    }

    /// <summary>
    /// "This venue only" fixes the venue chosen on the arrangement, so it needs one: family time at a venue with a venue
    /// chosen (a community place or a home has no venue to keep to).
    /// </summary>
    public static void ValidateVenueFixed(ArrangementDetails d, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(errors);
        if (d.VenueFixed && (d.Place != FamilyTimePlace.Venue || d.VenueId is null))
        {
            errors.Add(nameof(ArrangementDetails.VenueFixed), "Choose the venue family time must be at, or untick “Family time must be at this venue”");
        }
    }

    /// <summary>An interpreter linked to a person and no language typed takes the language on the person's record.</summary>
    public static ArrangementDetails WithInterpreterLanguage(ArrangementDetails d, PlanContext c)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(c);
        return d.InterpreterForPersonId is { } id && Text.Clean(d.InterpreterLanguage) is null
            && c.People.FirstOrDefault(p => p.Id == id)?.NeedsInterpreterFor is { } language
            ? d with { InterpreterLanguage = language }
            : d;
    }
}
