// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {FinancingPool} from "../src/FinancingPool.sol";
import {PoolStorage} from "../src/pool/PoolStorage.sol";
import {HardwareAssetRegistry} from "../src/HardwareAssetRegistry.sol";
import {PoolSecurityFixture} from "./utils/PoolSecurityFixture.sol";

/// Capital flows: deploying idle cash to the project's assets and recording repayments.
contract FinancingPoolCapitalTest is PoolSecurityFixture {
    // ─── Capital flows ──────────────────────────────────────────────────────────────────────────────────

    function test_deployCapital_sendsUsdcToTheProjectOperator() public {
        _deposit(alice, 1_000e6);

        vm.expectEmit(true, true, false, true, address(pool));
        emit CapitalDeployed(assetA, operator, 300e6);
        _deploy(assetA, 300e6);
        _deploy(assetB, 200e6);

        assertEq(usdc.balanceOf(operator), 500e6);
        assertEq(pool.idle(), 500e6);
        assertEq(pool.outstandingPrincipal(), 500e6);
        assertEq(pool.outstandingOf(assetA), 300e6);
        assertEq(pool.outstandingOf(assetB), 200e6);
        assertEq(pool.totalAssets(), 1_000e6);
        (uint256 deployed, uint256 repaid, uint256 writtenDown, uint256 recovered, uint256 provision, uint256 limit) =
            pool.assetCapital(assetA);
        assertEq(deployed, 300e6);
        assertEq(repaid, 0);
        assertEq(writtenDown, 0);
        assertEq(recovered, 0);
        assertEq(provision, 0);
        assertEq(limit, ASSET_LIMIT);
        _assertBooks(pool);
    }

    /// The manager cannot send capital to an asset registered to this pool under any other operator than the
    /// project's: the registrar and the manager together cannot route principal to an address of their choice.
    function test_deployCapital_refusesAssetOfAnotherOperator() public {
        address otherOperator = makeAddr("otherOperator");
        vm.prank(manager);
        uint256 assetC = registry.registerAsset(
            address(pool), otherOperator, HardwareAssetRegistry.Kind.RobotFleet, "AMR", 10, "", ""
        );
        vm.prank(admin);
        pool.setAssetLimit(assetC, ASSET_LIMIT);
        _deposit(alice, 1_000e6);

        vm.expectRevert(abi.encodeWithSelector(PoolStorage.AssetOperatorNotProject.selector, assetC, otherOperator));
        vm.prank(manager);
        pool.deployCapital(assetC, 200e6);
        assertEq(usdc.balanceOf(otherOperator), 0);
        assertEq(pool.idle(), 1_000e6);
        assertEq(pool.projectOperator(), operator);
    }

    /// Each asset is financed only up to the limit the admin set; an asset without a limit gets nothing.
    function test_deployCapital_boundedByAssetLimit() public {
        _deposit(alice, 1_000e6);
        vm.expectEmit(true, false, false, true, address(pool));
        emit AssetLimitUpdated(assetA, 500e6);
        vm.prank(admin);
        pool.setAssetLimit(assetA, 500e6);
        _deploy(assetA, 300e6);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsAssetLimit.selector, assetA, 500e6 + 1, 500e6));
        vm.prank(manager);
        pool.deployCapital(assetA, 200e6 + 1);
        _deploy(assetA, 200e6);
        // A repayment makes room again.
        _repay(assetA, 100e6);
        _deploy(assetA, 100e6);
        assertEq(pool.outstandingOf(assetA), 500e6);

        vm.prank(manager);
        uint256 assetC = registry.registerAsset(
            address(pool), operator, HardwareAssetRegistry.Kind.GpuCluster, "B200", 8, "Ashburn, VA", ""
        );
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsAssetLimit.selector, assetC, 1e6, 0));
        vm.prank(manager);
        pool.deployCapital(assetC, 1e6);
    }

    function test_deployCapital_reverts() public {
        _deposit(alice, 1_000e6);
        // An asset financed by another pool.
        FinancingPool other = _secondPool();
        vm.prank(manager);
        uint256 foreign =
            registry.registerAsset(address(other), operator, HardwareAssetRegistry.Kind.GpuCluster, "H100", 8, "", "");
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.AssetNotInPool.selector, foreign));
        vm.prank(manager);
        pool.deployCapital(foreign, 100e6);
        // An unknown asset.
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 99));
        vm.prank(manager);
        pool.deployCapital(99, 100e6);
        // Beyond idle.
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsDeployable.selector, 1_000e6 + 1, 1_000e6));
        vm.prank(manager);
        pool.deployCapital(assetA, 1_000e6 + 1);
        // Zero.
        vm.expectRevert(PoolStorage.ZeroAmount.selector);
        vm.prank(manager);
        pool.deployCapital(assetA, 0);
        assertEq(pool.idle(), 1_000e6);
        assertEq(uint8(pool.status()), uint8(PoolStorage.Status.Raising));
    }

    function test_deployCapital_cannotSpendRevenueOrWhatExitsAreOwed() public {
        _deposit(alice, 1_000e6);
        _distribute(500e6); // USDC held for shareholders, not principal
        vm.prank(alice);
        pool.requestRedeem(400e18, alice, alice);
        // Pending: the 400 it is owed stays in the pool although it is still idle.
        assertEq(pool.idle(), 1_000e6);
        assertEq(pool.deployableCapital(), 600e6);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsDeployable.selector, 600e6 + 1, 600e6));
        vm.prank(manager);
        pool.deployCapital(assetA, 600e6 + 1);
        // Filled: reserved for the claim, no longer idle.
        _fill();
        assertEq(pool.idle(), 600e6);
        assertEq(pool.deployableCapital(), 600e6);
        assertGt(usdc.balanceOf(address(pool)), 1_000e6);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsDeployable.selector, 600e6 + 1, 600e6));
        vm.prank(manager);
        pool.deployCapital(assetA, 600e6 + 1);
        _deploy(assetA, 600e6);
        _assertBooks(pool);
    }

    function test_recordRepayment_pullsFromManager() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        usdc.mint(manager, 300e6);

        vm.expectEmit(true, true, false, true, address(pool));
        emit PrincipalRepaid(assetA, manager, 300e6);
        vm.prank(manager);
        pool.recordRepayment(assetA, 300e6);

        assertEq(usdc.balanceOf(manager), 0);
        assertEq(pool.idle(), 500e6);
        assertEq(pool.outstandingPrincipal(), 500e6);
        assertEq(pool.outstandingOf(assetA), 500e6);
        assertEq(pool.totalAssets(), 1_000e6);
        (, uint128 repaid,,,,) = pool.assetCapital(assetA);
        assertEq(repaid, 300e6);
        _assertBooks(pool);
    }

    function test_recordRepayment_reverts() public {
        _deposit(alice, 1_000e6);
        _deploy(assetA, 800e6);
        usdc.mint(manager, 2_000e6);
        vm.startPrank(manager);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsOutstanding.selector, assetA, 800e6 + 1, 800e6));
        pool.recordRepayment(assetA, 800e6 + 1);
        vm.expectRevert(abi.encodeWithSelector(PoolStorage.ExceedsOutstanding.selector, assetB, 1, 0));
        pool.recordRepayment(assetB, 1);
        vm.expectRevert(PoolStorage.ZeroAmount.selector);
        pool.recordRepayment(assetA, 0);
        vm.expectRevert(abi.encodeWithSelector(HardwareAssetRegistry.UnknownAsset.selector, 77));
        pool.recordRepayment(77, 1);
        // Without an allowance the pull fails.
        usdc.approve(address(pool), 0);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(pool), 0, 100e6)
        );
        pool.recordRepayment(assetA, 100e6);
        vm.stopPrank();
        assertEq(pool.outstandingOf(assetA), 800e6);
        assertEq(usdc.balanceOf(manager), 2_000e6);
    }
}
