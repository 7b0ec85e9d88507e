using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace FamilyTime.Web.Infrastructure;

/// <summary>Shared by the GOV.UK form fields: the field's name, id, current value and error.</summary>
public abstract class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("label")]
    public string Label { get; set; } = "";

    [HtmlAttributeName("hint")]
    public string? Hint { get; set; }

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    protected string Name => For.Name;
    protected string Id => TagBuilder.CreateSanitizedId(For.Name, "_");
    protected static string E(string? s) => HtmlEncoder.Default.Encode(s ?? "");

    protected string? Error =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.ValidationState == ModelValidationState.Invalid
            ? entry.Errors.FirstOrDefault()?.ErrorMessage
            : null;

    protected string DescribedBy()
    {
        var ids = new List<string>();
        if (Hint is not null)
        {
            ids.Add(Id + "-hint");
        }
        if (Error is not null)
        {
            ids.Add(Id + "-error");
        }
        return ids.Count == 0 ? "" : $" aria-describedby=\"{string.Join(' ', ids)}\"";
    }

    protected string HintAndError() =>
        (Hint is null ? "" : $"<div id=\"{Id}-hint\" class=\"govuk-hint\">{E(Hint)}</div>")
        + (Error is null ? "" : $"<p id=\"{Id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(Error)}</p>");

    /// <summary>The form's field names in the order they appear, for the error summary to follow.</summary>
    public static List<string> FieldOrder(ViewContext view)
    {
        const string key = "govuk-field-order";
        if (view.HttpContext.Items[key] is not List<string> order)
        {
            order = [];
            view.HttpContext.Items[key] = order;
        }
        return order;
    }

    protected void Group(TagHelperOutput output, string inner)
    {
        FieldOrder(ViewContext).Add(Name);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Error is null ? "govuk-form-group" : "govuk-form-group govuk-form-group--error");
        output.Content.SetHtmlContent(inner);
    }
}

[HtmlTargetElement("govuk-input", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukInputTagHelper : GovukFieldTagHelper
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Width { get; set; }
    public bool Spellcheck { get; set; } = true;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var css = "govuk-input" + (Width is null ? "" : $" govuk-input--width-{Width}") + (Error is null ? "" : " govuk-input--error");
        var auto = Autocomplete is null ? "" : $" autocomplete=\"{E(Autocomplete)}\"";
        var spell = Spellcheck ? "" : " spellcheck=\"false\"";
        Group(output,
            $"<label class=\"govuk-label\" for=\"{Id}\">{E(Label)}</label>{HintAndError()}"
            + $"<input class=\"{css}\" id=\"{Id}\" name=\"{Name}\" type=\"{E(Type)}\" value=\"{E(For.Model?.ToString())}\"{auto}{spell}{DescribedBy()}>");
    }
}

[HtmlTargetElement("govuk-textarea", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukTextareaTagHelper : GovukFieldTagHelper
{
    public int Rows { get; set; } = 3;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var css = "govuk-textarea" + (Error is null ? "" : " govuk-textarea--error");
        Group(output,
            $"<label class=\"govuk-label\" for=\"{Id}\">{E(Label)}</label>{HintAndError()}"
            + $"<textarea class=\"{css}\" id=\"{Id}\" name=\"{Name}\" rows=\"{Rows}\"{DescribedBy()}>{E(For.Model?.ToString())}</textarea>");
    }
}

[HtmlTargetElement("govuk-select", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukSelectTagHelper : GovukFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = For.Model?.ToString();
        var options = (Placeholder is null ? "" : $"<option value=\"\">{E(Placeholder)}</option>")
            + string.Concat(Items.Select(i => $"<option value=\"{E(i.Value)}\"{(i.Value == current ? " selected" : "")}>{E(i.Text)}</option>"));
        var css = "govuk-select" + (Error is null ? "" : " govuk-select--error");
        Group(output,
            $"<label class=\"govuk-label\" for=\"{Id}\">{E(Label)}</label>{HintAndError()}"
            + $"<select class=\"{css}\" id=\"{Id}\" name=\"{Name}\"{DescribedBy()}>{options}</select>");
    }
}

[HtmlTargetElement("govuk-radios", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukRadiosTagHelper : GovukFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public bool Inline { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var current = For.Model?.ToString();
        var i = 0;
        var radios = string.Concat(Items.Select(item =>
        {
            // The first radio carries the field's id so the error summary's link lands on it.
            var id = i++ == 0 ? Id : $"{Id}-{i}";
            return $"<div class=\"govuk-radios__item\"><input class=\"govuk-radios__input\" id=\"{id}\" name=\"{Name}\" type=\"radio\" value=\"{E(item.Value)}\"{(item.Value == current ? " checked" : "")}>"
                + $"<label class=\"govuk-label govuk-radios__label\" for=\"{id}\">{E(item.Text)}</label></div>";
        }));
        Group(output,
            $"<fieldset class=\"govuk-fieldset\"{DescribedBy()}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(Label)}</legend>{HintAndError()}"
            + $"<div class=\"govuk-radios{(Inline ? " govuk-radios--inline" : "")}\" data-module=\"govuk-radios\">{radios}</div></fieldset>");
    }
}

[HtmlTargetElement("govuk-checkbox", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var isChecked = For.Model is true ? " checked" : "";
        // The hidden "false" is what ASP.NET Core binds when the box is left unticked.
        Group(output,
            $"{HintAndError()}<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\"><div class=\"govuk-checkboxes__item\">"
            + $"<input class=\"govuk-checkboxes__input\" id=\"{Id}\" name=\"{Name}\" type=\"checkbox\" value=\"true\"{isChecked}{DescribedBy()}>"
            + $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{Id}\">{E(Label)}</label></div></div>"
            + $"<input type=\"hidden\" name=\"{Name}\" value=\"false\">");
    }
}

[HtmlTargetElement("govuk-date", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukDateTagHelper : GovukFieldTagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var parts = For.Model as DateParts ?? new DateParts();
        var err = Error is null ? "" : " govuk-input--error";
        string Box(string part, string label, string? value, int width, string? autocomplete) =>
            $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">"
            + $"<label class=\"govuk-label govuk-date-input__label\" for=\"{(part == "Day" ? Id : $"{Id}_{part}")}\">{label}</label>"
            + $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{err}\" id=\"{(part == "Day" ? Id : $"{Id}_{part}")}\" name=\"{Name}.{part}\" type=\"text\" inputmode=\"numeric\" value=\"{E(value)}\"{(autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"")}></div></div>";
        var bday = Name.EndsWith("DateOfBirth", StringComparison.Ordinal);
        Group(output,
            $"<fieldset class=\"govuk-fieldset\" role=\"group\"{DescribedBy()}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(Label)}</legend>{HintAndError()}"
            + "<div class=\"govuk-date-input\">"
            + Box("Day", "Day", parts.Day, 2, bday ? "bday-day" : null)
            + Box("Month", "Month", parts.Month, 2, bday ? "bday-month" : null)
            + Box("Year", "Year", parts.Year, 4, bday ? "bday-year" : null)
            + "</div></fieldset>");
    }
}

internal sealed class DeferredHtml(Func<string> render) : Microsoft.AspNetCore.Html.IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(render());
}

/// <summary>The GOV.UK error summary: every problem on the page, each linking to its field.</summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukErrorSummaryTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        if (state.IsValid)
        {
            output.SuppressOutput();
            return;
        }
        var errors = state
            .Where(kv => kv.Value?.Errors.Count > 0)
            .Select(kv => (Key: kv.Key, Id: string.IsNullOrEmpty(kv.Key) ? "main-content" : TagBuilder.CreateSanitizedId(kv.Key, "_"), Message: kv.Value!.Errors[0].ErrorMessage))
            .ToList();
        var order = GovukFieldTagHelper.FieldOrder(ViewContext);
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");
        output.Content.SetHtmlContent(
            "<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">"
            + "<ul class=\"govuk-list govuk-error-summary__list\">");
        // The list is written when the page is written out, after every field below has registered its place,
        // so the errors follow the form from top to bottom (errors about the whole form first).
        output.Content.AppendHtml(new DeferredHtml(() => string.Concat(errors
            .OrderBy(e => order.IndexOf(e.Key) is var i && i < 0 ? (e.Key.Length == 0 ? -1 : int.MaxValue) : i)
            .Select(e => $"<li><a href=\"#{e.Id}\">{HtmlEncoder.Default.Encode(e.Message)}</a></li>"))));
        output.Content.AppendHtml("</ul></div></div>");
    }
}

/// <summary>A group of checkboxes bound to a list of values (people, purposes, days).</summary>
[HtmlTargetElement("govuk-checkboxes", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukCheckboxesTagHelper : GovukFieldTagHelper
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];
    public bool Small { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var chosen = (For.Model as IEnumerable<string> ?? []).ToHashSet(StringComparer.Ordinal);
        var i = 0;
        var boxes = string.Concat(Items.Select(item =>
        {
            var id = i++ == 0 ? Id : $"{Id}-{i}";
            return $"<div class=\"govuk-checkboxes__item\"><input class=\"govuk-checkboxes__input\" id=\"{id}\" name=\"{Name}\" type=\"checkbox\" value=\"{E(item.Value)}\"{(chosen.Contains(item.Value) ? " checked" : "")}>"
                + $"<label class=\"govuk-label govuk-checkboxes__label\" for=\"{id}\">{E(item.Text)}</label></div>";
        }));
        Group(output,
            $"<fieldset class=\"govuk-fieldset\"{DescribedBy()}><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">{E(Label)}</legend>{HintAndError()}"
            + $"<div class=\"govuk-checkboxes{(Small ? " govuk-checkboxes--small" : "")}\" data-module=\"govuk-checkboxes\">{boxes}</div></fieldset>");
    }
}
