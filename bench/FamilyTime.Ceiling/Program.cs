// Ceiling app: the cheapest possible ASP.NET Core request (no auth, no database, no views).
// Compare FamilyTime figures against this to see how much of the machine the product uses.
// Listen address comes from --urls (handled by the host), e.g. --urls http://127.0.0.1:5090.

var builder = WebApplication.CreateBuilder(args);

// Without appsettings.json the default level is Information, which logs every request to the
// console and would make the "ceiling" measure console I/O instead of Kestrel.
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var app = builder.Build();

const string PingBody = """{"status":"ok","service":"familytime-ceiling"}""";
app.MapGet("/ping", () => Results.Text(PingBody, "application/json"));

app.Run();
