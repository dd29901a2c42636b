// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Test} from "forge-std/Test.sol";
import {MockUSDC} from "../src/MockUSDC.sol";

contract MockUSDCTest is Test {
    MockUSDC internal usdc;

    function setUp() public {
        usdc = new MockUSDC();
    }

    function test_metadata() public view {
        assertEq(usdc.decimals(), 6);
        assertEq(usdc.symbol(), "USDC");
    }

    /// The open faucet must never reach a real network.
    function test_constructor_revertsOutsideLocalChains() public {
        vm.chainId(1);
        vm.expectRevert(abi.encodeWithSelector(MockUSDC.NotALocalChain.selector, 1));
        new MockUSDC();
        vm.chainId(8453);
        vm.expectRevert(abi.encodeWithSelector(MockUSDC.NotALocalChain.selector, 8453));
        new MockUSDC();
        vm.chainId(1337);
        new MockUSDC();
    }

    function testFuzz_mint_anyoneToAnyone(address to, uint256 amount) public {
        vm.assume(to != address(0));
        amount = bound(amount, 0, type(uint128).max);
        vm.prank(makeAddr("stranger"));
        usdc.mint(to, amount);
        assertEq(usdc.balanceOf(to), amount);
        assertEq(usdc.totalSupply(), amount);
    }

    function test_permit_setsAllowanceFromSignature() public {
        (address owner, uint256 key) = makeAddrAndKey("owner");
        address spender = makeAddr("spender");
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                spender,
                500e6,
                usdc.nonces(owner),
                deadline
            )
        );
        (uint8 v, bytes32 r, bytes32 s) =
            vm.sign(key, keccak256(abi.encodePacked("\x19\x01", usdc.DOMAIN_SEPARATOR(), structHash)));
        usdc.permit(owner, spender, 500e6, deadline, v, r, s);
        assertEq(usdc.allowance(owner, spender), 500e6);
        assertEq(usdc.nonces(owner), 1);
    }

    function test_permit_rejectsExpiredSignature() public {
        (address owner, uint256 key) = makeAddrAndKey("owner");
        uint256 deadline = block.timestamp;
        vm.warp(block.timestamp + 1);
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                address(this),
                1,
                0,
                deadline
            )
        );
        (uint8 v, bytes32 r, bytes32 s) =
            vm.sign(key, keccak256(abi.encodePacked("\x19\x01", usdc.DOMAIN_SEPARATOR(), structHash)));
        vm.expectRevert();
        usdc.permit(owner, address(this), 1, deadline, v, r, s);
    }
}
