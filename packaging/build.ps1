# Build the Tagdesk desktop app on Windows from a clean checkout in a fresh venv.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 -Python "py -3.12" -KeepVenv
#
# Output: dist\Tagdesk\Tagdesk.exe (one folder, windowed, icon and version info from
# resources\icon.svg and gui\__init__.py) and dist\Tagdesk-<version>-windows-<arch>.zip.
# Only committed files are built (git archive HEAD).
param(
    [string]$Python = "py -3",
    [switch]$KeepVenv
)
$ErrorActionPreference = "Stop"
$Repo = (Resolve-Path "$PSScriptRoot\..").Path
$Build = Join-Path $Repo "build"
$Src = Join-Path $Build "src"
$Venv = Join-Path $Build "venv"
$Dist = Join-Path $Repo "dist"
$Started = Get-Date

function Say($Message) { Write-Host "`n==> $Message" }
function Run($Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $Arguments failed with exit code $LASTEXITCODE" }
}

Say "Clean checkout in $Src"
foreach ($dir in @($Src, (Join-Path $Build "pyinstaller"), (Join-Path $Dist "Tagdesk"))) {
    if (Test-Path $dir) { Remove-Item -Recurse -Force $dir }
}
New-Item -ItemType Directory -Force -Path $Src, $Dist | Out-Null
if (git -C $Repo status --porcelain --untracked-files=no) {
    Write-Warning "uncommitted changes are not built; building HEAD"
}
$Archive = Join-Path $Build "src.zip"
Run git @("-C", $Repo, "archive", "--format=zip", "-o", $Archive, "HEAD")
Expand-Archive -Path $Archive -DestinationPath $Src -Force
Remove-Item $Archive

Say "Fresh venv in $Venv"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
if (-not ($KeepVenv -and (Test-Path $VenvPython))) {
    if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
    $PyExe, $PyArgs = $Python -split " "
    Run $PyExe @($PyArgs + @("-m", "venv", $Venv))
    Run $VenvPython @("-m", "pip", "install", "-q", "--upgrade", "pip")
}
Run $VenvPython @("-m", "pip", "install", "-q", $Src, "pyinstaller>=6.10,<7")
if ($KeepVenv) { Run $VenvPython @("-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", $Src) }
$Version = (& $VenvPython (Join-Path $Src "packaging\assets.py") version).Trim()
$Arch = if ([Environment]::Is64BitOperatingSystem) { "x64" } else { "x86" }

Say "PyInstaller: Tagdesk $Version"
Run (Join-Path $Venv "Scripts\pyinstaller.exe") @("--noconfirm", "--log-level", "WARN",
    "--distpath", $Dist, "--workpath", (Join-Path $Build "pyinstaller"), (Join-Path $Src "packaging\tagdesk.spec"))

Say "Zip"
$Zip = Join-Path $Dist "Tagdesk-$Version-windows-$Arch.zip"
if (Test-Path $Zip) { Remove-Item $Zip }
Compress-Archive -Path (Join-Path $Dist "Tagdesk") -DestinationPath $Zip

Say "Smoke test"
# Tagdesk.exe is a windowed program: wait for it and capture what it prints.
$Exe = Join-Path $Dist "Tagdesk\Tagdesk.exe"
$Out = Join-Path $Build "selftest.txt"
$env:QT_QPA_PLATFORM = "offscreen"
$Proc = Start-Process -FilePath $Exe -ArgumentList "--self-test" -Wait -PassThru -NoNewWindow `
    -RedirectStandardOutput $Out -RedirectStandardError "$Out.err"
Get-Content $Out, "$Out.err"
if ($Proc.ExitCode -ne 0) { throw "Tagdesk.exe --self-test failed with exit code $($Proc.ExitCode)" }

$Size = (Get-ChildItem -Recurse (Join-Path $Dist "Tagdesk") | Measure-Object -Property Length -Sum).Sum / 1MB
Say ("Done in {0:N0} s: dist\Tagdesk {1:N0} MB, {2}" -f ((Get-Date) - $Started).TotalSeconds, $Size, $Zip)
