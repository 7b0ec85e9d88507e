using FamilyTime.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace FamilyTime.Web.Infrastructure;

/// <summary>
/// Every piece of text a page's form sends loses its control characters and text-direction overrides
/// (<see cref="SafeText"/>) as it is bound, before any page or rule sees it. A person pasting a note from a word
/// processor (which can carry a vertical tab for a line break) is not told off for what they cannot see; what is
/// stored and shown to others can no longer be disguised. The API refuses such text instead, naming the field
/// (<see cref="Api.Input.SafeInputFilter"/>).
/// </summary>
public sealed class SafeFormTextBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.Result is { IsModelSet: true, Model: string text } && SafeText.FirstUnsafe(text) is not null)
        {
            bindingContext.Result = ModelBindingResult.Success(SafeText.WithoutUnsafe(text));
        }
    }

    public static void Register(MvcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ModelBinderProviders.Insert(0, new Provider());
    }

    private sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(string)
                ? new SafeFormTextBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
    }
}
