# 碳达峰方案起草助手：在 Windows 上生成程序包（县里的信息化人员也可运行）。
# Build the Windows bundle the way tools/build_bundle.sh does on Linux (uv + PyInstaller,
# the locked dependencies), smoke-test it from the bundle alone, and zip it.
#
#   双击 tools\build_windows.bat，或在 PowerShell 中：
#   powershell -ExecutionPolicy Bypass -File tools\build_windows.ps1            # 生成 + 检查 + 打包
#   powershell -ExecutionPolicy Bypass -File tools\build_windows.ps1 -SmokeOnly # 只检查已生成的 dist\
#
# Needs: internet access the first time (uv fetches Python 3.11 and the locked packages).
# This file is saved as UTF-8 with a BOM so that Windows PowerShell 5.1 reads its Chinese.
param([switch]$SmokeOnly)
$ErrorActionPreference = 'Stop'
# peakplan writes UTF-8 (app/cli/common.configure_stdio): read its output as such
try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }  # no console (ISE): as is
Set-Location (Split-Path -Parent $PSScriptRoot)
$Root = (Get-Location).Path
$LimitMB = 150

function Fail($message) {
    Write-Host "生成失败：$message" -ForegroundColor Red
    exit 1
}

function Run($exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { Fail "$exe $($arguments -join ' ') 退出码 $LASTEXITCODE" }
}

# 1. uv (installs Python 3.11 and the locked dependencies by itself)
if (-not $SmokeOnly) {
    if (-not (Get-Command uv -ErrorAction SilentlyContinue)) {
        Write-Host '安装 uv …'
        if (Get-Command py -ErrorAction SilentlyContinue) {
            Run py @('-m', 'pip', 'install', '--user', 'uv')
        } elseif (Get-Command python -ErrorAction SilentlyContinue) {
            Run python @('-m', 'pip', 'install', '--user', 'uv')
        } else {
            Invoke-RestMethod https://astral.sh/uv/install.ps1 | Invoke-Expression
        }
        $env:Path = "$env:USERPROFILE\.local\bin;$env:APPDATA\Python\Scripts;$env:Path"
        foreach ($scripts in Get-ChildItem "$env:APPDATA\Python" -Directory -ErrorAction SilentlyContinue) {
            $env:Path = "$($scripts.FullName)\Scripts;$env:Path"
        }
        if (-not (Get-Command uv -ErrorAction SilentlyContinue)) { Fail '找不到 uv，请先安装：pip install uv' }
    }
    Write-Host '安装依赖（uv sync --locked）…'
    Run uv @('sync', '--locked', '--python', '3.11')
    Write-Host '生成程序包（PyInstaller）…'
    Run uv @('run', 'pyinstaller', 'build_installer.spec', '--noconfirm', '--clean', '--log-level', 'WARN')
}

# 2. the bundle: the one folder in dist\ that holds peakplan.exe
$Bundle = Get-ChildItem (Join-Path $Root 'dist') -Directory -ErrorAction SilentlyContinue |
    Where-Object { Test-Path (Join-Path $_.FullName 'peakplan.exe') } | Select-Object -First 1
if (-not $Bundle) { Fail 'dist\ 中没有程序包（peakplan.exe）' }
$BundleDir = $Bundle.FullName
$Cli = Join-Path $BundleDir 'peakplan.exe'
$Gui = Join-Path $BundleDir 'PeakPlanDrafter.exe'
if (-not (Test-Path $Gui)) { Fail '缺少 PeakPlanDrafter.exe' }

# 3. smoke test from the bundle alone, as a fresh user in an unrelated folder
$Work = Join-Path ([System.IO.Path]::GetTempPath()) ("peakplan-smoke-" + [guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $Work | Out-Null
$env:PEAKPLAN_DATA_DIR = Join-Path $Work 'user-data'
$env:PEAKPLAN_CACHE_DIR = Join-Path $Work 'user-cache'
Remove-Item Env:PYTHONPATH, Env:PYTHONHOME, Env:PEAKPLAN_RESOURCE_ROOT -ErrorAction SilentlyContinue
try {
    Push-Location $Work
    $version = & $Cli --version
    if ($LASTEXITCODE -ne 0 -or $version -notmatch '^peakplan ') { Fail "peakplan --version：$version" }
    Write-Host $version
    Run $Cli @('export', '--demo', '-o', (Join-Path $Work 'console'))
    $written = @(Get-ChildItem (Join-Path $Work 'console') -File | Where-Object { $_.Extension -in '.docx', '.xlsx' })
    if ($written.Count -ne 2) { Fail "export --demo 应写出 2 个文件，实际 $($written.Count) 个" }
    foreach ($file in $written) { if ($file.Length -lt 5000) { Fail "$($file.Name) 过小（$($file.Length) 字节）" } }
    $check = & $Cli check --demo | Out-String
    if ($LASTEXITCODE -ne 0 -or $check -notmatch '共 0 个错误') { Fail "check --demo：$check" }
    # the window, offscreen, for a few seconds: it must show the demo and quit by itself
    # (started through peakplan.exe, whose console gives it a stderr to report on)
    $env:QT_QPA_PLATFORM = 'offscreen'
    $env:PEAKPLAN_QUIT_AFTER_MS = '4000'
    $report = Join-Path $Work 'gui.txt'
    $gui = Start-Process -FilePath $Cli -PassThru -NoNewWindow -RedirectStandardOutput (Join-Path $Work 'gui-out.txt') -RedirectStandardError $report
    $null = $gui.Handle  # keeps the exit code readable after it ends
    if (-not $gui.WaitForExit(120000)) { $gui.Kill(); Fail '窗口程序 120 秒内未退出' }
    $said = Get-Content $report -Raw -Encoding UTF8
    if ($gui.ExitCode -ne 0 -or $said -match 'Traceback') { Fail "窗口程序出错（退出码 $($gui.ExitCode)）：$said" }
    if ($said -notmatch '平罗县碳达峰实施方案') { Fail "窗口没有显示示例方案：$said" }
    Write-Host $said.Trim()
    Remove-Item Env:QT_QPA_PLATFORM, Env:PEAKPLAN_QUIT_AFTER_MS
    Pop-Location
} finally {
    Set-Location $Root
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}

# 4. size, then the zip to hand out
$sizeMB = [math]::Round(((Get-ChildItem $BundleDir -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)
if ($sizeMB -ge $LimitMB) { Fail "程序包 $sizeMB MB，超过 $LimitMB MB" }
$Zip = Join-Path $Root "dist\$($Bundle.Name).zip"
if (-not $SmokeOnly) {
    if (Test-Path $Zip) { Remove-Item $Zip }
    Compress-Archive -Path $BundleDir -DestinationPath $Zip
}
Write-Host "检查通过：$BundleDir（$sizeMB MB）" -ForegroundColor Green
if (Test-Path $Zip) { Write-Host "分发用压缩包：$Zip" }
