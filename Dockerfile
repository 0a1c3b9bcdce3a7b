# PolicyPortal: the web app image. Build context = repository root.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build restores htmx and Bootstrap from npm.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/PolicyPortal.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Chinese collation and time zones: ICU and tzdata come with the image; Asia/Shanghai is used for every deadline.
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "PolicyPortal.Web.dll"]
