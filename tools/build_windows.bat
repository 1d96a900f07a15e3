@echo off
rem Double-click: build the Windows bundle (tools\build_windows.ps1) and keep the window open.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build_windows.ps1" %*
echo.
pause
